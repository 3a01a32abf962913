import { describe, expect, it } from 'vitest';
import { compareReports } from '../../../../../domain/insights/compare.ts';
import { parseCsv } from '../../../../../domain/insights/formats/csv.ts';
import { comparisonTable, elementsTable, handoffsTable, reworkTable, tableCsv, variantsTable } from './figure-tables.ts';
import { sampleReport } from './report.testing.ts';

describe('figure tables', () => {
  const report = sampleReport();

  it('lists each step with its waiting, processing and breach figures', () => {
    const table = elementsTable(report);
    const b = table.rows.find((row) => row[0] === 'Task B');
    expect(b?.slice(0, 5)).toEqual(['Task B', 'b', '3', '3', '2.5 h']);
    expect(b?.at(-1)).toBe('66.7%');
  });

  it('leaves out elements passed in an instant, keeping steps and waits', () => {
    const instant = { ...report.elements[0]!, nodeId: 'Gateway_1', name: 'Gateway', kind: 'element' as const, sojourn: { count: 3, mean: 0, median: 0, p90: 0, max: 0 } };
    const wait = { ...instant, nodeId: 'Catch_1', name: 'Appeal lodged', sojourn: { count: 1, mean: 5, median: 5, p90: 5, max: 5 } };
    const names = elementsTable({ ...report, elements: [...report.elements, instant, wait] }).rows.map((row) => row[0]);
    expect(names).toEqual(['Task A', 'Task B', 'Appeal lodged']);
  });

  it('lists handoffs, rework and variants', () => {
    expect(handoffsTable(report).rows).toContainEqual(expect.arrayContaining(['a', 'b', '3']));
    expect(reworkTable(report).rows.find((row) => row[0] === 'Task A')).toEqual(['Task A', '3', '1', '1', '33.3%']);
    expect(variantsTable(report).rows.map((row) => row[1])).toContain('Task A → Task B → Task A');
  });

  it('downloads exactly the rows shown, as CSV that reads back the same', () => {
    const table = variantsTable(report);
    expect(parseCsv(tableCsv(table)).rows).toEqual([table.header, ...table.rows]);
  });

  it('keeps a step named like a formula from running in a spreadsheet, and figures as figures', () => {
    const table = { id: 't', title: 'T', header: ['step', 'cases'], rows: [["=cmd|' /C calc'!A0", '-12'], ['@SUM(A1)', '3.5%']] };
    expect(parseCsv(tableCsv(table)).rows).toEqual([['step', 'cases'], ["'=cmd|' /C calc'!A0", '-12'], ["'@SUM(A1)", '3.5%']]);
  });

  it('signs the change between two reports', () => {
    const table = comparisonTable(compareReports(report, { ...report, elements: report.elements.map((e) => ({ ...e, waiting: { ...e.waiting, mean: (e.waiting.mean ?? 0) + 3_600_000 } })) }), 'v1', 'v2');
    expect(table.rows.find((row) => row[0] === 'Task B')?.[5]).toBe('+1 h');
  });
});
