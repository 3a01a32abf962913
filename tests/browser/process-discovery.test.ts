// Process discovery in the browser, in Debian's Chromium against a real Casemap: an admin (analyst
// and designer at once; an analyst alone cannot open the Designer) keeps a log from another system
// (a file upload, read on the server as it arrives), then opens the process map discovered from it
// in the Designer — a choice between two checks after the referral, laid out, ready to edit. Any
// console error fails the test.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHarness, type BrowserHarness } from './browser-harness.ts';

const sample = (id: string) => readFileSync(fileURLToPath(new URL(`../../processes/${id}.bpmn`, import.meta.url)), 'utf8');

/** Three referrals from an older system: each is referred, checked one of two ways, then decided. */
const legacyLog = [
  'case_id,activity,timestamp',
  'L1,Refer case,2026-01-05T09:00:00Z',
  'L1,Check identity in person,2026-01-06T10:00:00Z',
  'L1,Decide on removal,2026-01-07T11:00:00Z',
  'L2,Refer case,2026-01-05T12:00:00Z',
  'L2,Check identity by phone,2026-01-08T09:30:00Z',
  'L2,Decide on removal,2026-01-09T15:00:00Z',
  'L3,Refer case,2026-01-06T12:00:00Z',
  'L3,Check identity by phone,2026-01-07T09:30:00Z',
  'L3,Decide on removal,2026-01-08T15:00:00Z',
].join('\n');

describe('process discovery in the browser app', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    const designer = await harness.casemap.as('designer');
    await designer.post('/api/definitions/deploy', { id: 'removals-logistics', xml: sample('removals-logistics'), note: 'Sample library' }).expect(201);
  }, 240_000);

  afterAll(async () => {
    await harness?.stop();
  });

  it('keeps an uploaded log and opens the process map discovered from it in the Designer', async () => {
    // given an admin on the Insights page with a log file from another system
    const { openPage, signIn, consoleErrors } = harness;
    const page = await openPage();
    await signIn(page, 'admin');
    await page.goto(`${harness.casemap.url}/#/insights`);
    const file = join(mkdtempSync(join(tmpdir(), 'casemap-discovery-')), 'legacy-referrals.csv');
    writeFileSync(file, legacyLog);

    // when they import and keep it
    await page.getByLabel('Log file (XES, CSV or OCEL 2.0; gzipped or not)').setInputFiles(file);
    await page.getByLabel('Name', { exact: true }).fill('Legacy referrals');
    await page.getByRole('button', { name: 'Import and keep' }).click();

    // then it is listed with its cases and events
    const row = page.getByRole('table', { name: 'Kept logs' }).getByRole('row', { name: /Legacy referrals/ });
    await row.waitFor();
    await expect(row.getByRole('cell').first().textContent()).resolves.toBe('3');

    // when they discover its process map, the Designer opens it, laid out
    await row.getByRole('link', { name: 'Discover process map' }).click();
    await page.getByText(/Discovered from a kept log \(3 of 3 cases; not saved\)/).waitFor();
    const task = (name: string) => page.locator('.djs-shape', { hasText: name });
    for (const name of ['Refer case', 'Check identity in person', 'Check identity by phone', 'Decide on removal']) await task(name).first().waitFor();
    await expect(page.locator('.djs-shape[data-element-id^="Gateway_"]').count()).resolves.toBe(2);
    await page.screenshot({ path: fileURLToPath(new URL('../../test-artifacts/screenshots/discovery-01-designer.png', import.meta.url)), fullPage: true });
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
