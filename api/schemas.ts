// Schemas shared by several resources: ids, pagination, instants and case data.
import { z } from 'zod';

export const DefinitionId = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,99}$/, 'Use letters, digits, - and _ (starting with a letter), at most 100 characters');
export const CaseId = z.string().min(1).max(200).regex(/^[A-Za-z0-9._-]+$/, 'A case id has letters, digits, ., _ and - only');
export const Page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
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
/** A process version; capped at PostgreSQL's integer so a huge number is a 400, not a failed query. */
export const VersionNumber = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * A year PostgreSQL can store in a timestamptz: ISO 8601 has a year 0000, PostgreSQL (like the
 * proleptic Gregorian calendar it uses) has none, so "0000-01-01" passes a format check and then
 * fails the query.
 */
function hasStorableYear(value: string): boolean {
  return Number(value.slice(0, 4)) >= 1;
}
const storableYear = { message: 'Use a date from year 0001 on (there is no year 0000)' };

/**
 * An offset PostgreSQL accepts (at most ±15:59, where ISO 8601's grammar allows ±23:59), and an
 * instant whose UTC year is storable too: 0001-01-01T00:00:00+01:00 is in year 0000 in UTC.
 */
function hasStorableOffset(value: string): boolean {
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(value);
  if (offset && Number(offset[2]) > 15) return false;
  const utc = new Date(value);
  return Number.isNaN(utc.getTime()) || (utc.getUTCFullYear() >= 1 && utc.getUTCFullYear() <= 9999);
}
const storableOffset = { message: 'Use an offset between -15:59 and +15:59 (e.g. Z or +01:00), for an instant between the years 0001 and 9999' };

/** An instant with its offset, e.g. 2026-03-01T09:00:00Z: the one schema for time filters. */
export const Instant = z.iso.datetime({ offset: true }).refine(hasStorableYear, storableYear).refine(hasStorableOffset, storableOffset);

/** A calendar date (2026-03-01) or an instant, with or without an offset: what data filters compare. */
export const DateOrInstant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true, local: true })])
  .refine(hasStorableYear, storableYear)
  .refine(hasStorableOffset, storableOffset);
