// FEEL values as case data: what a script, an output element or an input collection gives is kept
// as plain JSON, so it crosses workflow history and queries unchanged.
import { FeelDate, FeelDateTime, FeelDuration } from 'feelin';

export type CaseValue = null | boolean | number | string | CaseValue[] | { [key: string]: CaseValue };

/** A FEEL value as case data (plain JSON): dates and durations in ISO form; functions and ranges are not data. */
export function asCaseValue(value: unknown): CaseValue | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value instanceof FeelDate || value instanceof FeelDateTime || value instanceof FeelDuration) return value.toString();
  if (Array.isArray(value)) {
    const items = value.map(asCaseValue);
    return items.every((item) => item !== undefined) ? (items as CaseValue[]) : undefined;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value).map(([key, inner]) => [key, asCaseValue(inner)] as const);
    return entries.every(([, inner]) => inner !== undefined) ? (Object.fromEntries(entries) as { [key: string]: CaseValue }) : undefined;
  }
  return undefined;
}
