// Reading an uploaded CSV log's header and guessing which column holds what, so the mapping form
// starts filled in for the usual exports (Casemap's own, PM4Py's, most case-management extracts).
import { parseCsv } from '../../../../../domain/insights/formats/csv.ts';

export const mappingRoles = ['caseId', 'activity', 'timestamp', 'lifecycle', 'resource', 'team'] as const;
export type MappingRole = (typeof mappingRoles)[number];
export const requiredRoles: readonly MappingRole[] = ['caseId', 'activity', 'timestamp'];

export const roleLabels: Record<MappingRole, string> = {
  caseId: 'Case id column',
  activity: 'Activity column',
  timestamp: 'Timestamp column',
  lifecycle: 'Lifecycle column',
  resource: 'Resource column',
  team: 'Team column',
};

const usualNames: Record<MappingRole, string[]> = {
  caseId: ['case_id', 'case:concept:name', 'case id', 'caseid', 'case', 'case reference'],
  activity: ['activity', 'concept:name', 'activity name', 'task', 'event', 'step'],
  timestamp: ['timestamp', 'time:timestamp', 'time', 'date', 'datetime', 'completed at'],
  lifecycle: ['lifecycle', 'lifecycle:transition', 'transition', 'event type'],
  resource: ['resource', 'org:resource', 'user', 'actor'],
  team: ['team', 'org:group', 'group', 'unit'],
};

export type Delimiter = ',' | ';' | '\t' | '|';

/** The header row's column names, or the reader's message when it cannot be read. */
export function csvHeader(text: string, delimiter: Delimiter): { columns: string[]; error?: string } {
  const firstLine = text.slice(0, Math.max(text.search(/\r?\n/), 0) || text.length);
  const parsed = parseCsv(firstLine, delimiter);
  if (parsed.error) return { columns: [], error: parsed.error.message };
  return { columns: (parsed.rows[0] ?? []).map((name) => name.trim()).filter(Boolean) };
}

/** The delimiter the header uses most of: comma, semicolon, tab or bar. */
export function guessDelimiter(text: string): Delimiter {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = ([',', ';', '\t', '|'] as const).map((d) => [d, line.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** Each role's column by its usual names (case and spacing ignored); unmatched roles stay empty. */
export function guessMapping(columns: readonly string[]): Record<MappingRole, string> {
  const normal = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');
  const mapping = {} as Record<MappingRole, string>;
  for (const role of mappingRoles) {
    const found = usualNames[role].map((name) => columns.find((column) => normal(column) === name)).find((column) => column !== undefined);
    mapping[role] = found ?? '';
  }
  return mapping;
}
