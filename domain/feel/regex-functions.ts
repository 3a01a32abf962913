// FEEL's matches(), replace() and split() on RE2 instead of feelin's native RegExp: the pattern
// and the text may both come from a diagram or case data, and a backtracking match such as
// matches(notes, "^(a+)+$") would hold a workflow task for ever. Placed in the evaluation context,
// these shadow feelin's built-ins of the same names. Where RE2 differs from JavaScript (no
// look-arounds or back-references; split() does not return captured delimiters) the result is null,
// as feelin gives for an invalid pattern.
import { FeelFunction } from 'feelin';
import { compileUserPattern } from '../forms/user-pattern.ts';
import { chargeWork } from './work-meter.ts';

// RE2's time is proportional to pattern length times text length.
const chargeMatch = (pattern: string, text: string) => chargeWork((pattern.length * text.length) / 256);

const compiled = (pattern: unknown, flags: unknown) => (typeof pattern === 'string' && (flags === undefined || flags === null || typeof flags === 'string') ? compileUserPattern(pattern, flags ?? '') : undefined);

function matches(input: unknown, pattern: unknown, flags?: unknown): boolean | null {
  const regex = compiled(pattern, flags);
  if (typeof input !== 'string' || !regex?.ok) return null;
  chargeMatch(pattern as string, input);
  return regex.test(input);
}

function replace(input: unknown, pattern: unknown, replacement: unknown, flags?: unknown): string | null {
  const regex = compiled(pattern, flags);
  if (typeof input !== 'string' || typeof replacement !== 'string' || !regex?.ok) return null;
  chargeMatch(pattern as string, input);
  // Java-style replacement: $0 is the whole match and $1… the groups, as in FEEL
  return regex.re2.matcher(input).replaceAll(replacement, true);
}

function split(input: unknown, delimiter: unknown): string[] | null {
  const regex = compiled(delimiter, undefined);
  if (typeof input !== 'string' || !regex?.ok) return null;
  chargeMatch(delimiter as string, input);
  // -1 keeps trailing empty strings, as String#split does
  return regex.re2.split(input, -1);
}

/** The context entries that replace feelin's regular-expression built-ins. */
export const regexFunctions: Readonly<Record<string, FeelFunction>> = {
  matches: new FeelFunction(matches, ['input', 'pattern', 'flags']),
  replace: new FeelFunction(replace, ['input', 'pattern', 'replacement', 'flags']),
  split: new FeelFunction(split, ['string', 'delimiter']),
};
