// How report figures read on screen and in downloads: durations in the unit that suits their size,
// rates as percentages, counts as they are; a missing figure is a dash, never 0.
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** One decimal at most, with a true minus sign. */
const oneDecimal = (value: number) => `${value < 0 ? '−' : ''}${(Math.round(Math.abs(value) * 10) / 10).toLocaleString('en-GB')}`;

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  const size = Math.abs(ms);
  if (size < MINUTE) return `${oneDecimal(ms / SECOND)} s`;
  if (size < HOUR) return `${oneDecimal(ms / MINUTE)} min`;
  if (size < 2 * DAY) return `${oneDecimal(ms / HOUR)} h`;
  return `${oneDecimal(ms / DAY)} d`;
}

export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return `${oneDecimal(rate * 100)}%`;
}

/** A signed change, e.g. "+2.5 h" or "−10%": the sign says which way it moved. */
export function formatDelta(delta: number | null | undefined, format: (value: number) => string): string {
  if (delta === null || delta === undefined) return '—';
  if (delta === 0) return 'no change';
  return delta > 0 ? `+${format(delta)}` : format(delta);
}
