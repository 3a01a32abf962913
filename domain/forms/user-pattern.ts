// The one place a designer's form-field pattern is compiled. Patterns run on RE2 (re2js, pure
// JavaScript: API, workflow sandbox and browser alike), whose matching time grows linearly with the
// text, so a pattern such as ^(a+)+$ cannot hold the API or a workflow task for seconds as the
// backtracking native RegExp does. Patterns RE2 cannot run (look-arounds, back-references) are
// refused when the diagram is checked, with a reason a designer can act on.
import { RE2JS } from 're2js';

export type UserPatternProblem = {
  /** `invalid-pattern`: not a regular expression at all; `unsupported-pattern`: valid, but not linear-time. */
  readonly code: 'invalid-pattern' | 'unsupported-pattern';
  /** Finishes the sentence "field "x" has the pattern "…", which …". */
  readonly reason: string;
};

export type UserPattern = { readonly ok: true; readonly test: (text: string) => boolean; readonly re2: RE2JS } | ({ readonly ok: false } & UserPatternProblem);

/** FEEL's regular-expression flags (XPath): s dot matches newlines, m multi-line, i ignore case. */
const FLAGS: Record<string, number> = { s: RE2JS.DOTALL, m: RE2JS.MULTILINE, i: RE2JS.CASE_INSENSITIVE };

function isNativeRegExp(pattern: string): boolean {
  try {
    // compiling never runs the pattern, so this is safe on hostile input
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * Compiles `pattern` for RE2; `test` finds the pattern anywhere in the text, as RegExp#test does.
 * `flags` are FEEL's (for matches(), replace() and split() in expressions); an unknown flag is invalid.
 */
export function compileUserPattern(pattern: string, flags = ''): UserPattern {
  if ([...flags].some((flag) => FLAGS[flag] === undefined)) return { ok: false, code: 'invalid-pattern', reason: `has the flags "${flags}"; use s, m or i` };
  try {
    const compiled = RE2JS.compile(pattern, [...flags].reduce((all, flag) => all | (FLAGS[flag] ?? 0), 0));
    return { ok: true, test: (text) => compiled.matcher(text).find(), re2: compiled };
  } catch (error) {
    if (!isNativeRegExp(pattern)) return { ok: false, code: 'invalid-pattern', reason: 'is not a valid regular expression' };
    const detail = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : 'unsupported syntax';
    return {
      ok: false,
      code: 'unsupported-pattern',
      reason: `uses something Casemap cannot check quickly on every input (${detail}); write it without look-ahead, look-behind or back-references such as \\1, and with repeat counts of at most 1000`,
    };
  }
}

/** The reason `pattern` cannot be used, or undefined when it can. */
export function userPatternProblem(pattern: string): UserPatternProblem | undefined {
  const compiled = compileUserPattern(pattern);
  return compiled.ok ? undefined : { code: compiled.code, reason: compiled.reason };
}
