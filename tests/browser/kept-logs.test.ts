// Kept logs in the browser, in Debian's Chromium against a real Casemap: an analyst uploads a log of
// some thousand events and watches the progress bar (the browser's own upload progress events) go
// from sending, through the server reading it, to done with the server's answer, and the log listed;
// then checks a small log against the deployed removals process and sees, on its diagram, the step one
// case skipped; then keeps a small OCEL 2.0 log and looks into its objects: the object model, a search,
// and one object's attribute history, related objects and events. Any console error fails the test.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCsv } from '../../domain/insights/formats/csv-export.ts';
import { generateSyntheticLog } from '../../domain/insights/synthetic-log.ts';
import { startBrowserHarness, type BrowserHarness } from './browser-harness.ts';

/** Two escorted removals from an older system; R2 skips the risk assessment. */
const removalsLog = [
  'case_id,activity,timestamp',
  ...['R1', 'R2'].flatMap((caseId, k) =>
    [
      'Complete Escorting Request Form (ERF)',
      ...(caseId === 'R1' ? ['Assess removal risk and escort ratio'] : []),
      'Request lowest-fare ticket from travel contractor',
      'Record flight booking',
      'Allocate escorts',
      'Confirm risk and fitness to fly at the 72-hour point',
      'Escort to departure and record outcome',
    ].map((activity, i) => `${caseId},${activity},2026-0${k + 2}-0${i + 1}T09:00:00Z`),
  ),
].join('\n');

const sample = (id: string) => readFileSync(fileURLToPath(new URL(`../../processes/${id}.bpmn`, import.meta.url)), 'utf8');

describe('kept logs in the browser app', () => {
  let harness: BrowserHarness;
  let dir: string;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    dir = mkdtempSync(join(tmpdir(), 'casemap-kept-logs-'));
    // The Insights page shows kept logs beside a deployed process.
    const designer = await harness.casemap.as('designer');
    await designer.post('/api/definitions/deploy', { id: 'removals-logistics', xml: sample('removals-logistics'), note: 'Sample library' }).expect(201);
  }, 240_000);

  afterAll(async () => {
    await harness?.stop();
  });

  /** An analyst's Insights page with `content` kept as the log `name` (the file `fileName`), and the log's row. */
  async function keepLog(fileName: string, content: string, name: string) {
    const page = await harness.openPage();
    await harness.signIn(page, 'analyst');
    await page.goto(`${harness.casemap.url}/#/insights`);
    const file = join(dir, fileName);
    writeFileSync(file, content);
    await page.getByLabel('Log file (XES, CSV or OCEL 2.0; gzipped or not)').setInputFiles(file);
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Import and keep' }).click();
    const row = page.getByRole('table', { name: 'Kept logs' }).getByRole('row', { name: new RegExp(name) });
    await row.waitFor();
    return { page, row };
  }

  it('shows the upload progress reach done with what the server kept, and lists the log', async () => {
    // given an analyst on the Insights page with a log of 400 cases from another system
    const { openPage, signIn, consoleErrors } = harness;
    const page = await openPage();
    await signIn(page, 'analyst');
    await page.goto(`${harness.casemap.url}/#/insights`);
    const file = join(dir, 'legacy-returns.csv');
    const csv = exportCsv(generateSyntheticLog({ seed: 7, cases: 400, start: '2026-01-05T09:00:00Z' }));
    writeFileSync(file, csv);
    await page.getByLabel('Log file (XES, CSV or OCEL 2.0; gzipped or not)').setInputFiles(file);
    await page.getByLabel('Name', { exact: true }).fill('Legacy returns');
    // Every phase the progress element passes through, as the page renders it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressPhases: string[] }).progressPhases = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('.upload-progress');
        const phase = bar?.getAttribute('data-phase');
        if (phase && seen[seen.length - 1] !== phase) seen.push(phase);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });

    // when they import and keep it
    await page.getByRole('button', { name: 'Import and keep' }).click();

    // then the bar reaches done, full, with the server's answer
    const done = page.locator('.upload-progress[data-phase="done"]');
    await done.waitFor({ timeout: 60_000 });
    const bar = done.getByRole('progressbar', { name: 'Upload progress' });
    const [value, max] = await Promise.all([bar.evaluate((el) => (el as HTMLProgressElement).value), bar.evaluate((el) => (el as HTMLProgressElement).max)]);
    expect(value).toBe(max);
    expect(max).toBe(Buffer.byteLength(csv));
    await expect(done.getByRole('status').textContent()).resolves.toMatch(/^Kept “Legacy returns”: 400 cases, [\d,]+ events\.$/);
    // the browser reported the upload finished before the server answered (the reading phase)
    const phases = await page.evaluate(() => (window as unknown as { progressPhases: string[] }).progressPhases);
    expect(phases).toContain('reading');
    expect(phases[phases.length - 1]).toBe('done');

    // and the log is listed with its cases
    const row = page.getByRole('table', { name: 'Kept logs' }).getByRole('row', { name: /Legacy returns/ });
    await row.waitFor();
    await expect(row.getByRole('cell').first().textContent()).resolves.toBe('400');
    await harness.shot(page, 'kept-logs-01-upload-done');
    expect(consoleErrors).toEqual([]);
  }, 120_000);

  it('shows where a kept log strays from the deployed diagram, step by step', async () => {
    // given an analyst on the Insights page who kept a log of two removals, one without a risk assessment
    const { consoleErrors } = harness;
    const { page, row } = await keepLog('legacy-removals.csv', removalsLog, 'Legacy removals');

    // when they check it against the process on its diagram
    await row.getByRole('button', { name: 'Check against Removals logistics on its diagram' }).click();

    // then the fitness is stated and the skipped step is marked on the diagram
    const panel = page.getByTestId('log-replay');
    await expect(panel.getByRole('status').textContent()).resolves.toMatch(/^Fitness \d+(\.\d)?% \(token replay\): 1 of 2 cases follow the diagram throughout\. Every step in the log is in the diagram\.$/);
    await panel.locator('[data-testid="replay-diagram"][data-heat-ready="yes"]').waitFor();
    const badge = (id: string) => panel.locator(`.heat-badge[data-element-id="${id}"]`);
    await expect(badge('Task_assess_risk').textContent()).resolves.toBe('50% fit · 1 skipped');
    await expect(badge('Task_erf').textContent()).resolves.toBe('100% fit');
    await expect(badge('Task_allocate_escorts').textContent()).resolves.toMatch(/^50% fit · 1 forced/);
    await harness.shot(page, 'kept-logs-02-replay-diagram');
    expect(consoleErrors).toEqual([]);
  }, 120_000);

  it("shows an OCEL log's object model and one object's attribute history, related objects and events", async () => {
    // given an analyst who kept a small OCEL 2.0 log of orders, items and deliveries
    const { consoleErrors } = harness;
    const { page, row } = await keepLog('orders.jsonocel', readFileSync(new URL('../../domain/insights/formats/ocel-fixtures/order-handling.jsonocel', import.meta.url), 'utf8'), 'Orders');

    // when they open its objects
    await row.getByRole('button', { name: 'Objects of Orders' }).click();

    // then the object model counts the relations between object types, and between activities and object types
    const panel = page.getByTestId('log-objects');
    const cells = (table: string) => panel.getByTestId(`${table}-table`).locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    await panel.getByTestId('object-relations-table').waitFor();
    await expect(cells('object-relations')).resolves.toEqual([['delivery', 'item', 'carries', '1'], ['delivery', 'order', 'delivers', '1'], ['order', 'item', 'comprises', '2']]);
    await expect(cells('event-object-relations')).resolves.toContainEqual(['send package', 'item', '4']);

    // when they look for the objects whose id holds "o" and open o1
    await panel.getByLabel('Object id contains').fill('o');
    await panel.getByRole('button', { name: 'Find objects' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Objects 1–2 of 2' }).textContent()).resolves.toBe('Objects 1–2 of 2, ids containing “o”');
    const found = panel.getByRole('table', { name: 'Objects found' });
    await expect(found.getByRole('row', { name: /^o1 / }).getByRole('cell').allTextContents()).resolves.toEqual(['order', '3', '3', 'total = 99.5; status = paid']);
    await found.getByRole('button', { name: 'o1' }).click();

    // then its attribute values over time, its relations both ways and its events show
    const detail = panel.getByTestId('object-detail');
    // isVisible() does not wait: on a slower store the detail was still loading (CI's PostgreSQL pass).
    await detail.getByRole('heading', { name: 'Object o1 (order)' }).waitFor();
    const history = await detail.getByRole('table', { name: 'Attribute history of o1' }).locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    expect(history.map(([name, since, value]) => [name, since === 'initial' ? since : 'changed', value])).toEqual([['total', 'initial', '120.5'], ['total', 'changed', '99.5'], ['status', 'initial', 'open'], ['status', 'changed', 'paid']]);
    const related = await detail.getByRole('table', { name: 'Objects related to o1' }).locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    expect(related).toEqual([['o1 → i1', 'comprises', 'i1', 'item'], ['o1 → i2', 'comprises', 'i2', 'item'], ['d1 → o1', 'delivers', 'd1', 'delivery']]);
    const events = await detail.getByRole('table', { name: 'Events of o1' }).locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].slice(1).map((c) => c.textContent)));
    expect(events).toEqual([['place order', 'e1', 'order'], ['send package', 'e6', 'order'], ['pay order', 'e7', 'order']]);
    await harness.shot(page, 'kept-logs-03-ocel-objects');

    // and a related object opens in turn
    await detail.getByRole('button', { name: 'd1' }).click();
    await detail.getByRole('heading', { name: 'Object d1 (delivery)' }).waitFor();
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
