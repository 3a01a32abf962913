// The ranked clusters as CSV for a spreadsheet: one row per cluster, intended ones last.
import type { DuplicationReport } from './types.ts';
import { spreadsheetSafeText } from '../insights/formats/spreadsheet-safe-text.ts';

const HEADER = ['rank', 'cluster_key', 'detector', 'title', 'score', 'estimated_hours_per_month', 'occurrences_per_month', 'cost_basis', 'steps', 'intended_reason', 'evidence'];

function cell(value: string | number): string {
  const text = String(value);
  const safe = spreadsheetSafeText(text);
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportCsv(report: DuplicationReport): string {
  const rows = [...report.clusters, ...report.intended].map((cluster) =>
    [
      cluster.intended ? '' : cluster.rank,
      cluster.key,
      cluster.detector,
      cluster.title,
      cluster.score,
      cluster.estimatedHoursPerMonth,
      cluster.occurrencesPerMonth,
      cluster.costBasis,
      cluster.steps.map((step) => `${step.process} / ${step.name}${step.team ? ` (${step.team})` : ''}`).join('; '),
      cluster.intended?.reason ?? '',
      cluster.evidence.join(' '),
    ].map(cell).join(','),
  );
  return `${[HEADER.join(','), ...rows].join('\r\n')}\r\n`;
}
