// Multi-instance steps in the Designer, in Debian's Chromium against a real Casemap: a designer
// selects a step with a multi-instance marker, sets what it runs over, what it gathers and when it
// may stop in the properties panel, and the exported BPMN carries them; Undo takes an edit back.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkView, designerWithDiagram, useBrowserHarness } from './designer-session.ts';

const fixture = fileURLToPath(new URL('../fixtures/two-lane-referral.bpmn', import.meta.url));

describe('multi-instance steps in the Designer', () => {
  const browser = useBrowserHarness();

  it('sets the collection, element, outputs and completion condition of a multi-instance step, exports them and undoes an edit', async () => {
    // given a designer with a decision step that carries a parallel multi-instance marker and nothing else
    const { harness } = browser;
    const marked = join(mkdtempSync(join(tmpdir(), 'casemap-multi-instance-')), 'per-dependant.bpmn');
    const xml = readFileSync(fixture, 'utf8');
    const decideEnd = xml.indexOf('</bpmn:userTask>', xml.indexOf('id="Task_decide"'));
    writeFileSync(marked, `${xml.slice(0, decideEnd)}<bpmn:multiInstanceLoopCharacteristics />${xml.slice(decideEnd)}`);
    const designer = await designerWithDiagram(harness, marked, 'Task_decide');

    // when they select the step, the panel has a Multi-instance section, which steps without a marker lack
    await designer.locator('.djs-element[data-element-id="Task_refer"]').click({ position: { x: 15, y: 12 } });
    await designer.getByLabel('Name', { exact: true }).waitFor();
    await expect(designer.getByRole('group', { name: 'Multi-instance' }).count()).resolves.toBe(0);
    await designer.locator('.djs-element[data-element-id="Task_decide"]').click({ position: { x: 15, y: 12 } });
    const section = designer.getByRole('group', { name: 'Multi-instance' });
    await section.waitFor();

    // and fill in each field
    const values: [string, string][] = [
      ['Input collection', '=dependants'],
      ['Input element', 'dependant'],
      ['Output collection', 'dependantChecks'],
      ['Output element', '=check'],
      ['Completion condition', '=numberOfCompletedInstances >= 2'],
    ];
    for (const [label, value] of values) {
      const input = section.getByLabel(label, { exact: true });
      await input.fill(value);
      await input.press('Tab');
    }
    await checkView(harness, designer, '63-designer-multi-instance');

    // then the exported BPMN carries them on the marker
    const [download] = await Promise.all([designer.waitForEvent('download'), designer.getByRole('button', { name: 'Export BPMN' }).click()]);
    const exported = readFileSync((await download.path())!, 'utf8');
    const marker = exported.match(/<bpmn:multiInstanceLoopCharacteristics>[\s\S]*?<\/bpmn:multiInstanceLoopCharacteristics>/)?.[0] ?? '';
    expect(marker).toMatch(/<zeebe:loopCharacteristics inputCollection="=dependants" inputElement="dependant" outputCollection="dependantChecks" outputElement="=check" \/>/);
    expect(marker).toMatch(/<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">=numberOfCompletedInstances &gt;= 2<\/bpmn:completionCondition>/);

    // and Undo takes the completion condition back, leaving the collection set
    await designer.getByRole('button', { name: 'Undo' }).click();
    await expect(section.getByLabel('Completion condition', { exact: true }).inputValue()).resolves.toBe('');
    await expect(section.getByLabel('Input collection', { exact: true }).inputValue()).resolves.toBe('=dependants');
    expect(harness.consoleErrors).toEqual([]);
  }, 180_000);
});
