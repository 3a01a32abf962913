// The What-if panel in the browser, in Debian's Chromium against a real Casemap with the sample
// library deployed: an analyst opens Insights → What if on the FNO returns process, simulates a few
// weeks of the baseline beside "+2 in FNO Returns", and sees both side by side in the outcomes table
// and the weekly charts. The history it fits is a realistic one written straight to the store: five
// weeks of about six referrals a working day made by the simulator from the stated FNO ground truth
// (bench/simulation/fno-ground-truth.ts), called removals cases included, as the workflows would have
// logged them. (The demo load's few fast cases are too thin a history to fit.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readSample, compileSample } from '../../runtime/sample-library.ts';
import { simulate } from '../../domain/simulation/simulate.ts';
import { SimulatedLog } from '../../domain/simulation/simulated-log.ts';
import { baseline } from '../../domain/simulation/scenario.ts';
import { splitCalledCases } from '../../domain/simulation/called-cases.ts';
import type { CaseLogEvent } from '../../domain/events/case-log-event.ts';
import { appendCaseLogEvents } from '../../storage/case-log-store.ts';
import { fnoGroundTruth } from '../../bench/simulation/fno-ground-truth.ts';
import { startBrowserHarness, type BrowserHarness } from './browser-harness.ts';
import { seriousAccessibilityViolations } from './accessibility.ts';

const processes = fileURLToPath(new URL('../../processes', import.meta.url));
const FNO = 'fno-returns-casework';
const REMOVALS = 'removals-logistics';
const WEEK = 7 * 86_400_000;
const SCENARIO = '+2 in FNO Returns';

/** The ground truth's history as the store holds it: each case (called ones too) started under its process. */
async function fnoHistory(until: number): Promise<CaseLogEvent[]> {
  const ir = await compileSample(processes, FNO);
  const from = until - 5 * WEEK;
  const log = new SimulatedLog();
  simulate({ ir, model: fnoGroundTruth(2026, from), scenario: baseline, from, weeks: 5, seed: 11, log, caseIdPrefix: 'history' });
  const { own, returned } = splitCalledCases(log.events);
  const startedAs = (definitionId: string) => (event: CaseLogEvent): CaseLogEvent =>
    event.kind === 'case-started' ? { ...event, data: { ...event.data, definitionId, version: 1, workflowId: `case-${event.caseId}` } } : event;
  const called = log.events.filter((event) => returned.has(event.caseId));
  const calledStarts = called.map((event): CaseLogEvent => ({ ...event, id: `${event.caseId}:0`, kind: 'case-started', data: { data: {} } }));
  return [...own.map(startedAs(FNO)), ...calledStarts.map(startedAs(REMOVALS)), ...called];
}

describe('the What-if panel in the browser app', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    const { casemap } = harness;
    const designer = await casemap.as('designer');
    for (const id of [REMOVALS, FNO]) await designer.post('/api/definitions/deploy', { id, ...(await readSample(processes, id)), note: 'Sample library' }).expect(201);
    await appendCaseLogEvents(casemap.db, await fnoHistory(Date.now()));
  }, 240_000);

  afterAll(async () => {
    await harness?.stop();
  });

  it('simulates the baseline beside two more people in FNO Returns and shows both in the table and the charts', async () => {
    // given an analyst on Insights for the FNO returns process, at the What-if section
    const { openPage, signIn, consoleErrors } = harness;
    const page = await openPage();
    await signIn(page, 'analyst');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
    await page.getByLabel('Process', { exact: true }).selectOption(FNO);
    const form = page.getByRole('form', { name: 'What-if scenario' });

    // when they ask for three weeks with two more people in FNO Returns
    await form.getByLabel('Scenario name').fill(SCENARIO);
    await form.getByLabel('Weeks to simulate').fill('3');
    await form.getByLabel('People added to fno-returns').fill('2');
    await form.getByRole('button', { name: 'Simulate' }).click();

    // then the fitted history is stated and the outcomes table has a column for each run
    const answer = page.locator('#insights-what-if').getByRole('status');
    await answer.getByText(/^Fitted on \d+ cases from/).waitFor({ timeout: 150_000 });
    await expect(answer.getByText(/people seen per team: .*fno-returns 7/).count()).resolves.toBe(1);
    const outcomes = answer.getByRole('region', { name: 'Simulated outcomes over 3 weeks' });
    await expect(outcomes.locator('thead th').allTextContents()).resolves.toEqual(['Measure', 'baseline', SCENARIO]);
    const started = outcomes.locator('tbody tr', { hasText: 'Cases started' }).locator('td');
    const [base, more] = await started.allTextContents();
    expect(Number(base)).toBeGreaterThan(0);
    // Same seed, same arrivals: the runs differ only by the staffing.
    expect(more).toBe(base);

    // and both weekly charts are drawn from the runs' figures (cases not to be deported end within days)
    for (const chart of ['what-if-throughput', 'what-if-wip']) {
      await expect(answer.getByTestId(chart).getAttribute('data-points').then(Number)).resolves.toBeGreaterThan(0);
      await expect(answer.getByTestId(chart).getAttribute('aria-label')).resolves.toContain(SCENARIO);
    }
    await answer.scrollIntoViewIfNeeded();
    await harness.shot(page, 'what-if-01-baseline-and-scenario');
    expect.soft(await seriousAccessibilityViolations(page), 'accessibility of the what-if answer').toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 240_000);
});
