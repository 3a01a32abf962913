// The duplication views in the browser, in Debian's Chromium against a real Casemap with the sample
// library deployed: a designer sees the duplicated assessments marked on the FNO returns diagram
// (marks that come back when a deleted step is restored with undo) and follows "Also done in" to the
// other process; an analyst reads the ranked Duplication report, downloads it as CSV and marks one
// duplication as intended, after which the server no longer ranks it. Any console error fails.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness } from './browser-harness.ts';
import { seriousAccessibilityViolations } from './accessibility.ts';
import { readSample } from '../../runtime/sample-library.ts';

const sample = (id: string) => readSample(fileURLToPath(new URL('../../processes', import.meta.url)), id);
const NATIONALITY_CHECK = 'similar-steps:verify:evid identity nationality';

interface ClusterBody {
  key: string;
  title: string;
  estimatedHoursPerMonth: number;
}

describe('the duplication views in the browser app', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    // The test Casemap starts empty (CASEMAP_LOAD_SAMPLES=false): deploy the sample library, the
    // called removals process first.
    const designer = await harness.casemap.as('designer');
    for (const id of ['removals-logistics', 'fno-returns-casework']) await designer.post('/api/definitions/deploy', { id, ...(await sample(id)), note: 'Sample library' }).expect(201);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function view(page: Page, name: string): Promise<void> {
    await harness.shot(page, name);
    expect.soft(await seriousAccessibilityViolations(page), `accessibility of ${name}`).toEqual([]);
  }

  const shape = (page: Page, id: string) => page.locator(`.djs-element[data-element-id="${id}"]`);
  const mark = (page: Page, id: string) => page.locator(`.duplication-overlay[data-element-id="${id}"]`);

  it('marks the duplicated assessments on the FNO diagram and opens the other process at the same work', async () => {
    // given a designer who opens the deployed FNO returns process
    const { openPage, signIn, consoleErrors } = harness;
    const designer = await openPage();
    await signIn(designer, 'designer');
    await designer.getByRole('link', { name: 'Designer' }).click();
    await designer.locator('.definition', { hasText: 'fno-returns-casework' }).getByRole('link', { name: 'Open latest' }).click();

    // then the identity checks done twice and the risk assessed again later carry the duplication mark
    for (const id of ['Task_prison_identity', 'Task_redoc_identity', 'Task_referral_risk']) {
      await designer.locator(`.djs-element.duplicated-step[data-element-id="${id}"]`).waitFor();
      await mark(designer, id).waitFor();
    }
    // and a step done once is not marked
    await expect(designer.locator('.djs-element.duplicated-step[data-element-id="Task_decide"]').count()).resolves.toBe(0);
    await expect(mark(designer, 'Task_decide').count()).resolves.toBe(0);

    // when a marked step is deleted and the deletion undone, its mark comes back
    await shape(designer, 'Task_prison_identity').click({ position: { x: 15, y: 12 } });
    await designer.keyboard.press('Delete');
    await shape(designer, 'Task_prison_identity').waitFor({ state: 'detached' });
    await expect(mark(designer, 'Task_prison_identity').count()).resolves.toBe(0);
    await designer.getByRole('button', { name: 'Undo' }).click();
    await designer.locator('.djs-element.duplicated-step[data-element-id="Task_prison_identity"]').waitFor();
    await mark(designer, 'Task_prison_identity').waitFor();

    // when they open the mark on the referral risk assessment from the keyboard
    await mark(designer, 'Task_referral_risk').locator('summary').focus();
    await designer.keyboard.press('Enter');
    const popup = mark(designer, 'Task_referral_risk').locator('.duplication-popup');
    await popup.getByText('Also done in:').first().waitFor();
    await expect(popup.textContent()).resolves.toMatch(/The same step · 66\.7 h\/month avoidable/);
    await view(designer, 'duplication-01-designer-marks');

    // and follow the link to the 72-hour check
    await popup.getByRole('link', { name: 'Removals logistics / Confirm risk and fitness to fly at the 72-hour point' }).first().click();

    // then the removals process opens at its latest version with that step selected and marked too
    await designer.getByRole('heading', { name: 'removals-logistics (from version 1)' }).waitFor();
    await designer.locator('.djs-element.selected[data-element-id="Task_72_hour_check"]').waitFor();
    await designer.locator('.djs-element.duplicated-step[data-element-id="Task_72_hour_check"]').waitFor();
    await expect(designer.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('Confirm risk and fitness to fly at the 72-hour point');
    expect(new URL(designer.url()).hash).toBe('#/designer/removals-logistics/1?element=Task_72_hour_check');
    await view(designer, 'duplication-02-designer-followed-link');

    // and Back returns to the FNO diagram, not to the redirect
    await designer.goBack();
    await designer.getByRole('heading', { name: 'fno-returns-casework (from version 1)' }).waitFor();

    expect(consoleErrors).toEqual([]);
  }, 120_000);

  it('ranks the duplications by cost, downloads them as CSV and sets one aside as intended', async () => {
    // given an analyst on the Duplication report
    const { casemap, openPage, signIn, consoleErrors } = harness;
    const analystApi = await casemap.as('analyst');
    const before = (await analystApi.get('/api/duplication/report').expect(200)).body as { clusters: ClusterBody[] };
    const nationality = before.clusters.find((cluster) => cluster.key === NATIONALITY_CHECK);
    expect(nationality?.estimatedHoursPerMonth).toBeGreaterThan(0);
    const analyst = await openPage();
    await signIn(analyst, 'analyst');
    await analyst.goto(`${casemap.url}/#/insights/duplication`);
    await analyst.getByRole('heading', { name: 'Duplication report', level: 1 }).waitFor();

    // then every duplication the server ranks is listed in its order, each with its hours a month
    const cards = analyst.getByRole('list', { name: 'Duplications' }).getByRole('listitem').filter({ has: analyst.getByRole('heading', { level: 3 }) });
    await cards.first().waitFor();
    await expect(cards.count()).resolves.toBe(before.clusters.length);
    const first = before.clusters[0]!;
    await expect(cards.first().getByRole('heading', { level: 3 }).textContent()).resolves.toBe(`1. ${first.title}`);
    await expect(cards.first().textContent()).resolves.toContain(`${first.estimatedHoursPerMonth.toLocaleString('en-GB', { maximumFractionDigits: 1 })} h a month avoidable`);
    // and the planted duplications of the sample library are among them, with evidence and a suggestion
    const nationalityCard = analyst.getByRole('listitem', { name: nationality!.title });
    await nationalityCard.getByText('33.3 h').waitFor();
    await nationalityCard.getByRole('link', { name: 'Verify nationality and identity for travel document' }).waitFor();
    await expect(nationalityCard.getByRole('link', { name: 'Check nationality and identity evidence' }).getAttribute('href')).resolves.toBe('#/designer/fno-returns-casework/latest?element=Task_prison_identity');
    await nationalityCard.getByText(/Suggested consolidation: Have one team do this once/).waitFor();
    await nationalityCard.getByText(/^Evidence \(\d+\)$/).click();
    await nationalityCard.getByText(/read as the same step: verify, identity, nationality/).waitFor();
    await analyst.getByRole('listitem', { name: /Assess risk at referral.*72-hour point/ }).first().waitFor();
    await view(analyst, 'duplication-03-report');

    // when they download the report as CSV
    const [download] = await Promise.all([analyst.waitForEvent('download'), analyst.getByRole('link', { name: 'Download CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    // then it holds the same clusters
    expect(csv.split('\r\n')[0]).toMatch(/^rank,cluster_key,detector,title/);
    expect(csv).toContain(NATIONALITY_CHECK);

    // when they mark the nationality checks as intended without a reason, it is refused in the form
    await nationalityCard.getByRole('button', { name: 'Mark as intended…' }).click();
    await nationalityCard.getByRole('button', { name: 'Mark as intended', exact: true }).click();
    await nationalityCard.getByText('Say why this duplication is intended').waitFor();
    await expect(nationalityCard.getByLabel(/Why is this duplication intended/).getAttribute('aria-invalid')).resolves.toBe('true');

    // and with a reason, it is accepted
    const reason = 'Redocumentation must see the evidence itself for the embassy';
    await nationalityCard.getByLabel(/Why is this duplication intended/).fill(reason);
    await nationalityCard.getByRole('button', { name: 'Mark as intended', exact: true }).click();

    // then it leaves the ranking and is listed as intended with its reason
    await analyst.getByRole('status').getByText(/Marked as intended: The same step done 2 times/).waitFor();
    await nationalityCard.waitFor({ state: 'detached' });
    await expect(cards.count()).resolves.toBe(before.clusters.length - 1);
    await analyst.getByText(/^Marked as intended \(1\)$/).click();
    await analyst.getByText(`Kept because: ${reason}`).waitFor();
    await view(analyst, 'duplication-04-report-marked-intended');

    // and the server no longer ranks it
    const after = (await analystApi.get('/api/duplication/report').expect(200)).body as { clusters: ClusterBody[]; intended: ClusterBody[] };
    expect(after.clusters.map((cluster) => cluster.key)).not.toContain(NATIONALITY_CHECK);
    expect(after.intended.map((cluster) => cluster.key)).toEqual([NATIONALITY_CHECK]);

    // when they assume a volume the form cannot take, it says what it accepts and keeps the report
    const volume = analyst.getByLabel('Cases a month (assumed)');
    await volume.fill('-5');
    await analyst.getByRole('button', { name: 'Apply' }).click();
    await analyst.getByText('Cases a month (assumed) must be a number from 0 to 1,000,000.').waitFor();
    expect(new URL(analyst.url()).hash).toBe('#/insights/duplication');

    // and with twice the default volume, the same ranking costs twice as much (no case has run yet)
    await volume.fill('200');
    await analyst.getByRole('button', { name: 'Apply' }).click();
    await cards.first().getByText(`${(first.estimatedHoursPerMonth * 2).toLocaleString('en-GB', { maximumFractionDigits: 1 })} h`).waitFor();
    expect(new URL(analyst.url()).hash).toBe('#/insights/duplication?casesPerMonth=200');
    await expect(analyst.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).resolves.toBe('/api/duplication/report.csv?casesPerMonth=200');

    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
