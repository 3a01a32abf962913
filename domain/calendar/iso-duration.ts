// ISO 8601 durations as step SLAs and timers write them (P10D, PT4H, P1DT12H, P2W). date-fns
// formats durations but has no parser, so this is the one place that reads them. It accepts what
// Camunda 8 accepts: non-negative whole components, with a decimal fraction on seconds only.

export interface IsoDuration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

export type DurationError =
  | { readonly code: 'empty-duration'; readonly input: string; readonly message: string }
  | { readonly code: 'malformed-duration'; readonly input: string; readonly message: string }
  | { readonly code: 'negative-duration'; readonly input: string; readonly message: string }
  | { readonly code: 'fractional-duration'; readonly input: string; readonly message: string };

export type DurationErrorCode = DurationError['code'];

const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const FRACTION_ANYWHERE = /^P[\dYMWDTHS]*\d[.,]\d/;

const EXAMPLES = 'e.g. P10D for ten days, PT4H for four hours or P1DT12H';

export function isDurationError(value: IsoDuration | DurationError): value is DurationError {
  return 'code' in value;
}

export function parseIsoDuration(text: string): IsoDuration | DurationError {
  const input = text.trim();
  if (input === '') {
    return { code: 'empty-duration', input: text, message: `The duration is empty: write an ISO 8601 duration, ${EXAMPLES}.` };
  }
  if (input.startsWith('-')) {
    return { code: 'negative-duration', input: text, message: `"${text}" is negative: a deadline can only be after its start, ${EXAMPLES}.` };
  }
  const match = DURATION.exec(input);
  const hasComponent = match !== null && match.slice(1).some((part) => part !== undefined);
  const danglingT = input.endsWith('T');
  if (!match || !hasComponent || danglingT) {
    if (FRACTION_ANYWHERE.test(input)) {
      return {
        code: 'fractional-duration',
        input: text,
        message: `"${text}" has a fraction in a unit other than seconds: write whole units instead (PT90M rather than PT1.5H).`,
      };
    }
    return { code: 'malformed-duration', input: text, message: `"${text}" is not an ISO 8601 duration: ${EXAMPLES}.` };
  }
  const whole = (part: string | undefined): number => (part === undefined ? 0 : Number(part));
  return {
    years: whole(match[1]),
    months: whole(match[2]),
    weeks: whole(match[3]),
    days: whole(match[4]),
    hours: whole(match[5]),
    minutes: whole(match[6]),
    seconds: match[7] === undefined ? 0 : Number(match[7].replace(',', '.')),
  };
}
