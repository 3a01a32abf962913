// Issue #14, finding 11 (CSV): the insights case-log CSV wrote `=cmd|…` as is, which a
// spreadsheet runs as a formula when the file is opened. Both CSV exports now share one
// neutraliser (domain/insights/formats/spreadsheet-safe-text.ts).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../domain/insights/formats/csv.ts';
import { eventually, startTestCasemap, type TestCasemap } from '../support/test-casemap.ts';

const FORMULA = "=cmd|' /C calc'!A0";
const referralXml = readFileSync(new URL('../fixtures/two-lane-referral.bpmn', import.meta.url), 'utf8').replace(
  'name="Refer case to FNO Returns"',
  `name="${FORMULA.replace(/'/g, '&apos;')}"`,
);

describe('CSV exports opened in a spreadsheet', () => {
  let casemap: TestCasemap;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    const designer = await casemap.as('designer');
    await designer.post('/api/definitions/deploy', { id: 'formula', xml: referralXml }).expect(201);
    const priya = await casemap.as('priya');
    const started = await priya.post('/api/cases', { definitionId: 'formula', data: {} }).expect(201);
    const path = `/api/tasks/${encodeURIComponent(`${started.body.caseId}:${started.body.next.opened[0].taskId}`)}`;
    await priya.post(`${path}/claim`).expect(200);
    await priya.post(`${path}/complete`, { data: { prisonNumber: 'A1234BC', sentenceMonths: 18 } }).expect(200);
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  it('writes a step named like a formula as text in the insights case-log CSV', async () => {
    const analyst = await casemap.as('analyst');
    const csv = await eventually(
      async () => (await analyst.get('/api/insights/export.csv?definitionId=formula').expect(200)).text,
      (text) => text.includes('complete'),
    );
    const { rows } = parseCsv(csv);
    const activities = rows.slice(1).map((row) => row[1]!);
    expect(activities).toContain(`'${FORMULA}`);
    for (const row of rows) for (const cell of row) expect(cell, `a cell of ${row.join(',')}`).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes a duplication step named like a formula as text in the duplication CSV', async () => {
    const analyst = await casemap.as('analyst');
    const csv = (await analyst.get('/api/duplication/report.csv').expect(200)).text;
    const { rows } = parseCsv(csv);
    for (const row of rows) for (const cell of row) expect(cell, `a cell of ${row.join(',')}`).not.toMatch(/^[=+\-@\t\r]/);
  });
});
