// FEEL values as case data: dates, times and durations become their ISO text, contexts plain
// objects, so a decision's output can be stored, logged and sent like any other case data.
import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';

export function feelToJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof FeelDate || value instanceof FeelDateTime || value instanceof FeelDuration || value instanceof FeelTime) return value.toString();
  if (Array.isArray(value)) return value.map(feelToJson);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, feelToJson(inner)]));
  }
  // functions, ranges and other FEEL-only values have no place in case data
  return null;
}
