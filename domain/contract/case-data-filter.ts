// The `data` filter of case search: `field:op:value`, repeatable, every filter must hold, e.g.
// `?data=nationality:eq:Albanian&data=ersDate:lt:2026-03-01`. A nested field is named with dots
// (`sentence.months:gte:12`). Each malformed filter is refused naming it and what is accepted.
import { z } from 'zod';
import { isoInstant } from '../time/iso8601.ts';
import { DateOrInstant } from './request-fields.ts';

/**
 * One condition on a case's data; `path` names a field, nested fields by several names. Equality
 * matches the value as text, number or boolean alike (`30` matches 30 and "30"); ordering compares
 * numbers with numbers and ISO dates with ISO dates, and a case whose field holds anything else is
 * not matched (storage/case-queries.ts turns it into SQL).
 */
export type DataFieldFilter =
  | { path: string[]; op: 'eq' | 'ne'; value: string }
  | { path: string[]; op: 'lt' | 'lte' | 'gt' | 'gte'; compareAs: 'number' | 'instant'; value: string };

export const DATA_FILTER_OPERATORS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'] as const;
export const MAX_DATA_FILTERS = 10;

const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*){0,4}$/;
const NUMBER = /^-?\d{1,30}(\.\d{1,30})?$/;

/**
 * An ISO date (2026-03-01) or date-time (2026-03-01T09:00:00Z) that names a real instant PostgreSQL
 * can hold (no year 0000, offsets within ±15:59), so a filter never silently matches nothing.
 */
function isIsoInstant(value: string): boolean {
  return isoInstant(value) !== undefined && DateOrInstant.safeParse(value).success;
}

const DataFilter = z
  .string()
  .max(500)
  .transform((text, ctx): DataFieldFilter => {
    const [field = '', op = '', ...rest] = text.split(':');
    const value = rest.join(':');
    const refuse = (message: string) => {
      ctx.addIssue({ code: 'custom', message: `Data filter "${text}": ${message}` });
      return z.NEVER;
    };
    if (rest.length === 0) return refuse('write it as field:op:value, e.g. nationality:eq:Albanian or ersDate:lt:2026-03-01');
    if (!FIELD_PATH.test(field)) return refuse(`"${field}" is not a field name; use letters, digits, _ and -, with dots for nested fields (at most 5 levels)`);
    const path = field.split('.');
    if (op === 'eq' || op === 'ne') return { path, op, value };
    if (op !== 'lt' && op !== 'lte' && op !== 'gt' && op !== 'gte') return refuse(`"${op}" is not an operator; use one of ${DATA_FILTER_OPERATORS.join(', ')}`);
    if (NUMBER.test(value)) return { path, op, compareAs: 'number', value };
    if (isIsoInstant(value)) return { path, op, compareAs: 'instant', value };
    return refuse(`${op} compares numbers (e.g. 12 or 2.5) or ISO dates (e.g. 2026-03-01 or 2026-03-01T09:00:00Z), and "${value}" is neither`);
  });

/** The `data` query parameter: one filter, or several (the parameter repeated). */
export const DataFilters = z
  .preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(DataFilter).max(MAX_DATA_FILTERS, `Use at most ${MAX_DATA_FILTERS} data filters`))
  .meta({
    description: `Filters on case data, each field:op:value with op one of ${DATA_FILTER_OPERATORS.join(', ')}; repeat the parameter to combine them (all must hold, at most ${MAX_DATA_FILTERS}). eq and ne compare as text, number or boolean alike; lt, lte, gt and gte compare numbers or ISO dates. Nested fields are named with dots.`,
    examples: [['nationality:eq:Albanian', 'ersDate:lt:2026-03-01']],
  });
