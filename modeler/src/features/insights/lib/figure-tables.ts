// The report's tables as header and rows of text: the view renders them and the same rows are
// downloaded as CSV, so what is seen is what is saved.
import type { BottleneckReport, DurationStats } from '../../../../../domain/insights/report.ts';
import type { ReportComparison } from '../../../../../domain/insights/compare.ts';
import { writeCsv } from '../../../../../domain/insights/formats/csv.ts';
import { spreadsheetSafeText } from '../../../../../domain/insights/formats/spreadsheet-safe-text.ts';
import { formatDelta, formatDuration, formatRate } from './format-figures.ts';

export interface FigureTable {
  id: string;
  title: string;
  header: string[];
  rows: string[][];
}

const stats = (s: DurationStats) => [formatDuration(s.mean), formatDuration(s.median), formatDuration(s.p90)];

/**
 * Steps worked by people, and other elements that take time (waits for messages or timers, service
 * calls, called processes); gateways and events passed in an instant would only bury them.
 */
export function elementsTable(report: BottleneckReport): FigureTable {
  const breaches = new Map(report.slaBreaches.byElement.map((b) => [b.nodeId, b]));
  return {
    id: 'elements',
    title: 'Steps',
    header: ['Step', 'Team', 'Cases', 'Executions', 'Waiting mean', 'Waiting median', 'Waiting p90', 'Processing mean', 'Processing median', 'Processing p90', 'Sojourn mean', 'SLA breach rate'],
    rows: report.elements.filter((e) => e.kind === 'task' || (e.sojourn.max ?? 0) > 0).map((e) => [e.name, e.team ?? '—', String(e.cases), String(e.executions), ...stats(e.waiting), ...stats(e.processing), formatDuration(e.sojourn.mean), formatRate(breaches.get(e.nodeId)?.rate)]),
  };
}

export function handoffsTable(report: BottleneckReport): FigureTable {
  return {
    id: 'handoffs',
    title: 'Handoffs between teams',
    header: ['From team', 'To team', 'Handoffs', 'Accepted', 'Overdue', 'Delay mean', 'Delay median', 'Delay p90'],
    rows: report.handoffs.map((h) => [h.fromTeam, h.toTeam, String(h.count), String(h.accepted), String(h.overdue), ...stats(h.delay)]),
  };
}

export function reworkTable(report: BottleneckReport): FigureTable {
  return {
    id: 'rework',
    title: 'Rework',
    header: ['Step', 'Cases', 'Cases with a repeat', 'Repeated executions', 'Rework rate'],
    rows: report.rework.byElement.map((r) => [r.name, String(r.cases), String(r.casesWithRepeat), String(r.repeatedExecutions), formatRate(r.reworkRate)]),
  };
}

export function variantsTable(report: BottleneckReport): FigureTable {
  return {
    id: 'variants',
    title: 'Variants',
    header: ['#', 'Steps in order', 'Cases', 'Share', 'Duration mean', 'Duration median'],
    rows: report.variants.variants.map((v, i) => [String(i + 1), v.activities.join(' → '), String(v.count), formatRate(v.share), formatDuration(v.duration.mean), formatDuration(v.duration.median)]),
  };
}

export function comparisonTable(comparison: ReportComparison, baseName: string, otherName: string): FigureTable {
  return {
    id: 'comparison',
    title: `${otherName} compared with ${baseName}`,
    header: ['Step', `Executions (${baseName})`, `Executions (${otherName})`, `Waiting (${baseName})`, `Waiting (${otherName})`, 'Waiting change', `Processing (${baseName})`, `Processing (${otherName})`, 'Processing change', 'SLA breach rate change'],
    rows: comparison.elements.map((e) => [
      e.name,
      String(e.executions.base ?? 0),
      String(e.executions.other ?? 0),
      formatDuration(e.waitingMean.base),
      formatDuration(e.waitingMean.other),
      formatDelta(e.waitingMean.delta, formatDuration),
      formatDuration(e.processingMean.base),
      formatDuration(e.processingMean.other),
      formatDelta(e.processingMean.delta, formatDuration),
      formatDelta(e.breachRate.delta, formatRate),
    ]),
  };
}

/** A plain figure (e.g. -12 or 3.5%) stays a number; any other cell, step names included, is kept from running as a formula. */
const PLAIN_FIGURE = /^-?\d+(\.\d+)?%?$/;
const safeCell = (cell: string) => (PLAIN_FIGURE.test(cell) ? cell : spreadsheetSafeText(cell));

export function tableCsv(table: FigureTable): string {
  return writeCsv([table.header, ...table.rows].map((row) => row.map(safeCell)));
}
