// The fields requests are built from, shared by several resources: ids, pagination, instants and
// case data. They are contract, not api/ detail, so the modeller types its requests from them too.
import { z } from 'zod';

export const DefinitionId = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,99}$/, 'Use letters, digits, - and _ (starting with a letter), at most 100 characters');
export const CaseId = z.string().min(1).max(200).regex(/^[A-Za-z0-9._-]+$/, 'A case id has letters, digits, ., _ and - only');
/** Decimal text as JSON Schema's `number` means it: no blank, no hex, no words. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A number in a query or path: text, coerced, after refusing text that is not a decimal number.
 * `z.coerce.number()` alone reads "" and " " as 0 (Schemathesis found `?casesPerMonth=` answered
 * 200), and "0x10" as 16. Typed as the number a client sends; the OpenAPI document shows `schema`.
 */
export function queryNumber<T extends z.ZodType<number, number>>(schema: T) {
  return z.preprocess((text: number) => (typeof text === 'string' && !DECIMAL.test(text) ? Number.NaN : text), schema);
}

/** A page of a list. Numbers arrive as query text and are coerced; `<number>` types what a client sends. */
export const Page = {
  limit: queryNumber(z.coerce.number<number>().int().min(1).max(200)).default(50),
  offset: queryNumber(z.coerce.number<number>().int().min(0).max(1_000_000)).default(0),
};
/** Case and form data; capped well under Temporal's 2 MB payload limit (which would fail the Update with a 500) and in depth (deep nesting overflows the stack of JSON code). */
export const MAX_DATA_BYTES = 256 * 1024;
export const MAX_DATA_DEPTH = 32;
export const DataRecord = z
  .record(z.string().max(200), z.unknown())
  .refine(withinLimits, { message: `Case data may be at most ${MAX_DATA_BYTES / 1024} KB as JSON and nested at most ${MAX_DATA_DEPTH} levels` });

/** Walks the value without recursion, so the check itself cannot overflow the stack. */
function withinLimits(data: unknown): boolean {
  let bytes = 0;
  const pending: [unknown, number][] = [[data, 0]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (depth > MAX_DATA_DEPTH) return false;
    if (typeof value === 'string') bytes += value.length + 2;
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        bytes += key.length + 4;
        pending.push([item, depth + 1]);
      }
    } else bytes += 8;
    if (bytes > MAX_DATA_BYTES) return false;
  }
  return true;
}
export const Empty = z.object({}).strict();
/** PostgreSQL's largest integer: a version above it is a 400, not a failed query. */
const MAX_VERSION = 2_147_483_647;
/** A process version in a path or query string (text, coerced to a number). */
export const VersionNumber = queryNumber(z.coerce.number<number>().int().positive().max(MAX_VERSION));
/** A process version in a JSON body (a number already). */
export const BodyVersionNumber = z.number().int().positive().max(MAX_VERSION);

/**
 * What PostgreSQL's timestamptz takes, written as patterns so the OpenAPI document states it too:
 * no year 0000 (ISO 8601 has one, PostgreSQL none, so "0000-01-01" passes a format check and then
 * fails the query) and offsets within ±15:59 (ISO 8601 allows up to ±23:59).
 */
const NO_YEAR_ZERO = /^(?!0000)/;
const noYearZero = { message: 'Use a date from year 0001 on (there is no year 0000)' };
const STORABLE_OFFSET = /(?:Z|[+-](?:0\d|1[0-5]):[0-5]\d)$/;
/** A local date-time has no offset at all; one with an offset must be storable. */
const STORABLE_OFFSET_IF_ANY = /(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?|Z|[+-](?:0\d|1[0-5]):[0-5]\d)$/;
const storableOffset = { message: 'Use an offset between -15:59 and +15:59, e.g. Z or +01:00' };

/** An instant with its offset, e.g. 2026-03-01T09:00:00Z: the one schema for time filters. */
// zod drops the `format` from the JSON Schema once patterns are added; `meta` puts it back.
export const Instant = z.iso.datetime({ offset: true }).regex(NO_YEAR_ZERO, noYearZero).regex(STORABLE_OFFSET, storableOffset).meta({ format: 'date-time' });

/** A calendar date, e.g. 2026-03-01. */
export const CalendarDate = z.iso.date().regex(NO_YEAR_ZERO, noYearZero).meta({ format: 'date' });

/** A calendar date (2026-03-01) or an instant, with or without an offset: what data filters compare. */
export const DateOrInstant = z.union([
  CalendarDate,
  z.iso.datetime({ offset: true, local: true }).regex(NO_YEAR_ZERO, noYearZero).regex(STORABLE_OFFSET_IF_ANY, storableOffset).meta({ format: 'date-time' }),
]);
