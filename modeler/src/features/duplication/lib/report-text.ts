// How the duplication report words its figures and kinds, shared by the report's views.
import type { Cluster, RuntimeFinding } from '../../../../../domain/duplication/types.ts';

export const DETECTOR_LABELS: Record<Cluster['detector'], string> = {
  'similar-steps': 'Same step, done again',
  'repeated-fragments': 'Same run of steps, drawn again',
  'repeated-data-capture': 'Same data, asked for again',
};

export const COST_BASIS_LABELS: Record<Cluster['costBasis'], string> = {
  runtime: 'from the event log',
  defaults: 'from default step times and case volumes',
  mixed: 'partly from the event log, partly from defaults',
};

export const RUNTIME_KIND_LABELS: Record<RuntimeFinding['kind'], string> = {
  'repeated-field': 'Same data entered again on one case',
  'same-check-different-teams': 'Same check by two teams on one case',
  rework: 'Step done again on one case',
};

const oneDecimal = (value: number): string => value.toLocaleString('en-GB', { maximumFractionDigits: 1 });

export const hours = (value: number): string => `${oneDecimal(value)} h`;
export const perMonth = (value: number): string => `${oneDecimal(value)} a month`;
export const percent = (score: number): string => `${Math.round(score * 100)}%`;
