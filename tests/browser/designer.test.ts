// The Designer's work beyond a first deploy, in Debian's Chromium against a real Casemap: a draft
// saved and reopened, BPMN/SVG/PNG export, token simulation switched on and off, and two deployed
// versions compared on the canvas. Each view passes the axe-core check; any console error fails.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { checkView, designerWithDiagram, useBrowserHarness } from './designer-session.ts';

const fixture = fileURLToPath(new URL('../fixtures/two-lane-referral.bpmn', import.meta.url));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('the Designer', () => {
  const browser = useBrowserHarness();
  const view = (page: Page, name: string) => checkView(browser.harness, page, name);

  async function setSla(page: Page, elementId: string, sla: string): Promise<void> {
    // diagram-js toggles: clicking the one selected element deselects it.
    const shape = page.locator(`.djs-element[data-element-id="${elementId}"]`);
    if (!(await shape.getAttribute('class'))?.split(' ').includes('selected')) await shape.click({ position: { x: 15, y: 12 } });
    const field = page.getByLabel('SLA', { exact: true });
    await field.fill(sla);
    await field.press('Tab');
  }

  async function downloaded(page: Page, button: string): Promise<{ download: Download; bytes: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    return { download, bytes: readFileSync(await download.path()) };
  }

  it('saves a draft and reopens it, exports the diagram, simulates it, and compares two versions', async () => {
    // given a designer who imports the two-lane referral into a new diagram
    const { harness } = browser;
    const { consoleErrors } = harness;
    const designer = await designerWithDiagram(harness, fixture, 'Task_refer');
    await expect(designer.getByLabel('Process id').inputValue()).resolves.toBe('two-lane-referral');

    // when they change the referral's SLA and save a draft with Ctrl+S
    await setSla(designer, 'Task_refer', 'P9D');
    await designer.keyboard.press('Control+s');
    await designer.getByRole('status').filter({ hasText: 'Draft of two-lane-referral saved' }).waitFor();

    // then the process list offers the draft, and opening it restores the edit
    await designer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Designer' }).click();
    const row = designer.getByRole('listitem').filter({ hasText: 'two-lane-referral' });
    await row.getByText('not deployed yet').waitFor();
    await view(designer, '30-designer-draft-listed');
    await row.getByRole('link', { name: 'Open draft' }).click();
    await designer.getByRole('heading', { name: /two-lane-referral \(draft saved/ }).waitFor();
    await designer.locator('.djs-element[data-element-id="Task_refer"]').click({ position: { x: 15, y: 12 } });
    await expect(designer.getByLabel('SLA', { exact: true }).inputValue()).resolves.toBe('P9D');

    // when they export the diagram as BPMN, SVG and PNG
    const bpmn = await downloaded(designer, 'Export BPMN');
    const svg = await downloaded(designer, 'Export SVG');
    const png = await downloaded(designer, 'Export PNG');

    // then each file is what its name says, carrying the edit
    expect(bpmn.download.suggestedFilename()).toBe('two-lane-referral.bpmn');
    expect(bpmn.bytes.toString('utf8')).toContain('casework:sla="P9D"');
    expect(svg.download.suggestedFilename()).toBe('two-lane-referral.svg');
    expect(svg.bytes.toString('utf8')).toMatch(/<svg[\s\S]*data-element-id="Task_refer"[\s\S]*<\/svg>/);
    expect(png.download.suggestedFilename()).toBe('two-lane-referral.png');
    expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // A PNG's width and height are the first two fields of its IHDR chunk; the picture is drawn at twice the SVG's size.
    const svgWidth = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg.bytes.toString('utf8'))?.[1]);
    expect(png.bytes.readUInt32BE(16)).toBe(Math.ceil(svgWidth * 2));

    // when they switch token simulation on and start a token at the start event
    const simulate = designer.getByRole('button', { name: 'Token simulation' });
    await simulate.click();
    await expect(simulate.getAttribute('aria-pressed')).resolves.toBe('true');
    await designer.locator('.djs-overlays[data-container-id="Start_referral"] .bts-context-pad').click();

    // then the simulation runs the process, and modelling waits until simulation is switched off
    await designer.locator('.bts-entry', { hasText: 'Process started' }).waitFor({ state: 'attached' });
    await designer.locator('.bjs-container.simulation').waitFor();
    await designer.getByText('Switch token simulation off to edit properties.').waitFor();
    await view(designer, '31-designer-token-simulation');
    await designer.locator('.djs-container svg').first().focus();
    await designer.keyboard.press('t');
    await expect(simulate.getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(designer.locator('.bjs-container.simulation').count()).resolves.toBe(0);
    await designer.getByLabel('SLA', { exact: true }).waitFor();

    // given two deployed versions: the draft, then one with a shorter referral SLA
    await designer.getByLabel('Version note').fill('First version');
    await designer.getByRole('button', { name: 'Deploy' }).click();
    await designer.getByText('Deployed two-lane-referral version 1').waitFor();
    await setSla(designer, 'Task_refer', 'P7D');
    await designer.getByLabel('Version note').fill('Referral SLA is seven days');
    await designer.getByRole('button', { name: 'Deploy' }).click();
    await designer.getByText('Deployed two-lane-referral version 2').waitFor();

    // when they compare the two from the process list
    await designer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Designer' }).click();
    await designer.getByRole('listitem').filter({ hasText: 'two-lane-referral' }).getByRole('button', { name: 'Versions' }).click();
    await designer.getByRole('button', { name: 'Show changes' }).click();

    // then the changed step is marked on both canvases and listed with its SLA before and after
    await designer.getByRole('heading', { name: 'two-lane-referral: version 1 compared with version 2' }).waitFor();
    await designer.getByTestId('diff-newer').locator('.djs-element.diff-changed[data-element-id="Task_refer"]').waitFor();
    await designer.getByTestId('diff-older').locator('.djs-element.diff-changed[data-element-id="Task_refer"]').waitFor();
    const change = designer.getByTestId('change-list').getByRole('listitem').filter({ hasText: 'Refer case to FNO Returns' }).first();
    await change.getByText('SLA: "P9D" → "P7D"').waitFor();
    await expect(designer.getByTestId('diff-newer').locator('.djs-element[class*="diff-"]').count()).resolves.toBe(1);
    await view(designer, '32-designer-version-diff');

    expect(consoleErrors).toEqual([]);
  }, 180_000);
});
