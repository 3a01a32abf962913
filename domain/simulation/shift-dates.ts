// A replayed case keeps its dates relative to its own start: a history case referred in March with
// an ERS date in June, replayed as a case starting in January, has its ERS date in April. Without
// this every date-driven deadline (the ERS window, the 72-hour point) would already have passed.
import type { CaseData } from '../engine/contract.ts';

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** `data` with every ISO date moved by `offsetMs` (dates by whole days) and nothing else changed. */
export function shiftDates(data: CaseData, offsetMs: number): CaseData {
  if (offsetMs === 0) return data;
  return shift(data, offsetMs) as CaseData;
}

function shift(value: unknown, offsetMs: number): unknown {
  if (typeof value === 'string') {
    if (ISO_DATE.test(value)) {
      const moved = Date.parse(`${value}T00:00:00Z`) + Math.round(offsetMs / DAY_MS) * DAY_MS;
      return Number.isNaN(moved) ? value : new Date(moved).toISOString().slice(0, 10);
    }
    if (ISO_DATE_TIME.test(value)) {
      const moved = Date.parse(value) + offsetMs;
      return Number.isNaN(moved) ? value : new Date(moved).toISOString();
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => shift(item, offsetMs));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shift(item, offsetMs)]));
  return value;
}
