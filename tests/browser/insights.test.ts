// The Insights view in the browser, in Debian's Chromium against a real Casemap with the sample
// library deployed and a few FNO cases run through the real engine by the demo load: an analyst
// sees heat on the diagram (and switches what it shows), the charts drawn with data, the case left
// to stall in the at-risk list (and opens it), downloads a table as CSV, and imports a small CSV log
// from another system, checked against the diagram. Any console error fails the test.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startOwnCase } from '../../services/case-start.ts';
import { startDemoLoad } from '../../demo/demo-load.ts';
import { eventually } from '../support/test-casemap.ts';
import { screenshotDir, startBrowserHarness, type BrowserHarness } from './browser-harness.ts';
import { seriousAccessibilityViolations } from './accessibility.ts';
import { readSample } from '../../runtime/sample-library.ts';

const sample = (id: string) => readSample(fileURLToPath(new URL('../../processes', import.meta.url)), id);
const FNO = 'fno-returns-casework';
const CASES = 4;

/** A log from an older system: two referrals, one with a step the diagram does not have. */
const legacyLog = [
  'case_id,activity,timestamp,resource',
  'L1,Refer foreign national offender to FNO Returns Command,2026-01-05T09:00:00Z,pc1',
  'L1,Check nationality and identity evidence,2026-01-06T10:00:00Z,pc1',
  'L1,Assess risk at referral,2026-01-07T11:00:00Z,pc2',
  'L2,Refer foreign national offender to FNO Returns Command,2026-01-05T12:00:00Z,pc2',
  'L2,Phone the prison for the sentence length,2026-01-08T09:30:00Z,fr1',
  'L2,Check nationality and identity evidence,2026-01-09T15:00:00Z,pc1',
].join('\n');

describe('the Insights view in the browser app', () => {
  let harness: BrowserHarness;
  let stalledCaseId: string;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    const { casemap } = harness;
    // The test Casemap starts empty (CASEMAP_LOAD_SAMPLES=false): deploy the library, called process first.
    const designer = await casemap.as('designer');
    for (const id of ['removals-logistics', FNO]) await designer.post('/api/definitions/deploy', { id, ...(await sample(id)), note: 'Sample library' }).expect(201);
    // Run a few cases with the demo load (1 simulated hour = 2 ms) until all but the stalled one ended.
    const load = startDemoLoad({ db: casemap.db, client: casemap.client, startCase: (request) => startOwnCase({ db: casemap.db, client: casemap.client, taskQueue: casemap.taskQueue }, request) }, { cases: CASES, hourMs: 2, tickMs: 100, installation: casemap.taskQueue });
    const analyst = await casemap.as('analyst');
    try {
      const report = await eventually(
        async () => (await analyst.get(`/api/insights/report?definitionId=${FNO}`).expect(200)).body,
        (body) => body.cases.completed === CASES - 1 && body.atRisk.length > 0,
        150_000,
      );
      stalledCaseId = report.atRisk[0].caseId;
    } finally {
      await load.stop();
    }
  }, 240_000);

  afterAll(async () => {
    await harness?.stop();
  });

  async function view(page: Page, name: string): Promise<void> {
    await harness.shot(page, name);
    expect.soft(await seriousAccessibilityViolations(page), `accessibility of ${name}`).toEqual([]);
  }

  /** Whether a chart's canvas has anything drawn on it (any pixel not fully transparent). */
  const drawn = (page: Page, testId: string) =>
    page.getByTestId(testId).evaluate((canvas) => {
      const element = canvas as HTMLCanvasElement;
      const pixels = element.getContext('2d')!.getImageData(0, 0, element.width, element.height).data;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
      return false;
    });

  it('shows where FNO cases wait on the diagram, the charts and the cases at risk, and imports a CSV log', async () => {
    // given an analyst who opens Insights on the FNO returns process
    const { openPage, signIn, consoleErrors } = harness;
    const page = await openPage();
    await signIn(page, 'analyst');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
    await page.getByLabel('Process', { exact: true }).selectOption(FNO);
    await page.getByRole('heading', { name: 'Where cases wait and work' }).waitFor();
    await expect(page.getByRole('link', { name: 'Duplication' }).getAttribute('href')).resolves.toBe('#/insights/duplication');

    // then the diagram carries waiting-time heat, hottest somewhere, with a figure on the decision
    await page.locator('[data-testid="heatmap-diagram"][data-heat-ready="yes"]').waitFor();
    await page.locator('.heat-badge[data-element-id="Task_decide"]').waitFor();
    await expect(page.locator('.djs-element.heat-level-4').count()).resolves.toBeGreaterThan(0);
    await view(page, 'insights-01-waiting-heatmap');
    await page.locator('.insights-diagram').screenshot({ path: `${screenshotDir}insights-01-diagram-close-up.png` });

    // when they switch the heat to frequency, every run step shows how often it ran
    await page.getByRole('radio', { name: 'Frequency' }).check();
    await expect(page.locator('.heat-badge[data-element-id="Task_refer"]').textContent()).resolves.toBe(`${CASES}×`);
    // and to SLA breaches, the decision the stalled case missed is heated
    await page.getByRole('radio', { name: 'SLA breaches' }).check();
    await expect(page.locator('.heat-badge[data-element-id="Task_decide"]').textContent()).resolves.toMatch(/%$/);
    await expect(page.locator('.heat-badge[data-element-id="Task_refer"]').count()).resolves.toBe(0);

    // and the three charts are drawn from data
    for (const chart of ['duration-chart', 'throughput-chart', 'variants-chart']) {
      await expect(page.getByTestId(chart).getAttribute('data-points').then(Number)).resolves.toBeGreaterThan(0);
      await expect(drawn(page, chart)).resolves.toBe(true);
    }
    await page.locator('#insights-charts').scrollIntoViewIfNeeded();
    await view(page, 'insights-02-charts');

    // and the stalled case is at risk, linking to its case page
    const atRisk = page.getByTestId('at-risk-list');
    await atRisk.getByRole('link', { name: stalledCaseId }).first().waitFor();
    await expect(atRisk.getByText('Make deportation decision').count()).resolves.toBeGreaterThan(0);
    await atRisk.scrollIntoViewIfNeeded();
    await view(page, 'insights-03-at-risk');

    // when they download the steps table, the file holds its rows
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV of Steps' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^Step,Team,Cases,Executions,Waiting mean/);
    expect(csv).toContain('Make deportation decision');

    // and compare two periods of case starts: none in 2000, the demo cases since
    const compare = page.getByRole('form', { name: 'Compare two versions or periods' });
    await compare.getByLabel('two periods').check();
    await compare.locator('#compare-base-from').fill('2000-01-01');
    await compare.locator('#compare-base-to').fill('2000-12-31');
    await compare.locator('#compare-other-from').fill('2001-01-01');
    await compare.getByRole('button', { name: 'Compare' }).click();
    await page.locator('#insights-compare').getByText(/^0 cases in 2000-01-01 to 2000-12-31, [1-9]\d* in 2001-01-01 to …\./).waitFor();

    // and import a small CSV log, checked against the diagram
    const file = join(mkdtempSync(join(tmpdir(), 'casemap-log-')), 'legacy-referrals.csv');
    writeFileSync(file, legacyLog);
    await page.getByLabel('Event log file (CSV or XES)').setInputFiles(file);
    await expect(page.getByLabel(/Case id column/).inputValue()).resolves.toBe('case_id');
    await expect(page.getByLabel(/Resource column/).inputValue()).resolves.toBe('resource');
    await page.getByRole('button', { name: 'Import and analyse' }).click();

    // then its figures and its off-model step show
    const result = page.getByTestId('import-result');
    await result.getByText(/^Imported 2 cases and \d+ events\.$/).waitFor();
    await result.getByText(/Steps not in the diagram: Phone the prison for the sentence length \(1× in 1 cases\)/).waitFor();
    await expect(result.getByTestId('imported-variants-table').locator('tbody tr').count()).resolves.toBe(2);
    await result.scrollIntoViewIfNeeded();
    await view(page, 'insights-04-imported-log');

    // and following the at-risk link opens the case
    await atRisk.getByRole('link', { name: stalledCaseId }).first().click();
    await page.getByRole('heading', { name: `Case ${stalledCaseId}` }).waitFor();

    // and a team lead of FNO Returns, who may not read the whole report, sees the case at risk at their team's step
    const lead = await openPage();
    await signIn(lead, 'lena');
    await lead.goto(`${harness.casemap.url}/#/insights?definitionId=${FNO}`);
    await lead.getByRole('heading', { name: /Cases at risk for fno-returns/ }).waitFor();
    await lead.getByTestId('at-risk-list').getByRole('link', { name: stalledCaseId }).first().waitFor();
    await view(lead, 'insights-05-team-lead-at-risk');

    expect(consoleErrors).toEqual([]);
  }, 180_000);
});
