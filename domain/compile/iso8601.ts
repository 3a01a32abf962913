// Recognises the ISO 8601 forms BPMN timers and SLAs use: durations (P10D, PT72H, P1DT2H),
// dates and date-times, and repeating intervals (R3/PT1H, R/P1D, R/2026-01-01T09:00Z/P1D).
import { isValid, parseISO } from 'date-fns';

const DURATION =
  /^P(?!$)(\d+(?:[.,]\d+)?Y)?(\d+(?:[.,]\d+)?M)?(\d+(?:[.,]\d+)?W)?(\d+(?:[.,]\d+)?D)?(T(?=\d)(\d+(?:[.,]\d+)?H)?(\d+(?:[.,]\d+)?M)?(\d+(?:[.,]\d+)?S)?)?$/;
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const REPETITIONS = /^R\d*$/;

export function isIsoDuration(text: string): boolean {
  return text.length <= 64 && DURATION.test(text);
}

export function isIsoDateTime(text: string): boolean {
  return text.length <= 64 && DATE_TIME.test(text) && isValid(parseISO(text));
}

/** `R[n]/duration`, `R[n]/start/duration` or `R[n]/duration/end`. */
export function isIsoCycle(text: string): boolean {
  if (text.length > 160) return false;
  const [repetitions, first, second, ...rest] = text.split('/');
  if (rest.length > 0 || repetitions === undefined || !REPETITIONS.test(repetitions)) return false;
  if (first === undefined) return false;
  if (second === undefined) return isIsoDuration(first);
  return (
    (isIsoDateTime(first) && isIsoDuration(second)) || (isIsoDuration(first) && isIsoDateTime(second))
  );
}
