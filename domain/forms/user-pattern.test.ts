// The one compiler of designers' patterns: RE2 semantics, refusals a designer can act on.
import { describe, expect, it } from 'vitest';
import { compileUserPattern, userPatternProblem } from './user-pattern.ts';

const tester = (pattern: string) => {
  const compiled = compileUserPattern(pattern);
  if (!compiled.ok) throw new Error(`expected ${pattern} to compile`);
  return compiled.test;
};

describe('compileUserPattern', () => {
  it('finds the pattern anywhere in the text unless it is anchored, as RegExp#test does', () => {
    expect(tester('CID-[0-9]+')('ref CID-42 ok')).toBe(true);
    expect(tester('^CID-[0-9]+$')('ref CID-42 ok')).toBe(false);
    expect(tester('^[A-Z]\\d{7}$')('A1234567')).toBe(true);
  });

  it('answers a catastrophic-backtracking pattern on a long non-matching text, instead of hanging', () => {
    // a native RegExp would take longer than the age of the universe on this input
    expect(tester('^(a+)+$')(`${'a'.repeat(5000)}!`)).toBe(false);
    expect(tester('^(a+)+$')('a'.repeat(5000))).toBe(true);
  });

  it('matches Unicode letters, not only ASCII', () => {
    expect(tester('^\\p{L}+$')('Zoë')).toBe(true);
  });

  it('refuses text that is not a regular expression', () => {
    expect(userPatternProblem('([A-Z')).toEqual({ code: 'invalid-pattern', reason: 'is not a valid regular expression' });
  });

  it.each([
    ['a back-reference', '^(\\w+)-\\1$'],
    ['a look-ahead', '^(?=.*\\d)[a-z\\d]+$'],
    ['a look-behind', '(?<=CID-)\\d+'],
    ['a repeat count above 1000', 'a{1001}'],
  ])('refuses %s as unsupported, saying what to write instead', (_what, pattern) => {
    const problem = userPatternProblem(pattern);
    expect(problem?.code).toBe('unsupported-pattern');
    expect(problem?.reason).toMatch(/without look-ahead, look-behind or back-references/);
  });

  it('accepts the patterns of the sample library', () => {
    for (const pattern of ['^[A-Z][0-9]{4}[A-Z]{2}$', '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})$']) expect(userPatternProblem(pattern)).toBeUndefined();
  });
});
