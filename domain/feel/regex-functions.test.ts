// FEEL's matches(), replace() and split() run on RE2, so a hostile pattern cannot hold a workflow task.
import { evaluate } from 'feelin';
import { describe, expect, it } from 'vitest';
import { evaluateWithinBudget } from './evaluation-budget.ts';

describe('regular expressions in FEEL', () => {
  it('answers matches() with a backtracking pattern on a long text instead of hanging', () => {
    // feelin's own matches() uses a native RegExp, which would not return on this input
    expect(evaluateWithinBudget('matches(notes, "^(a+)+$")', { notes: `${'a'.repeat(5000)}!` })).toEqual({ ok: true, value: false });
  });

  it.each([
    ['matches("CID-42", "^CID-[0-9]+$")'],
    ['matches("abc", "B", "i")'],
    ['replace("abcd", "(ab)|(a)", "[1=$1][2=$2]")'],
    ['replace("banana", "a", "o")'],
    ['split("John Doe", "\\s")'],
    ['split("a,b,,", ",")'],
  ])('gives the same answer as feelin for %s', (expression) => {
    expect(evaluateWithinBudget(expression, {})).toEqual({ ok: true, value: evaluate(expression, {}).value });
  });

  it('gives null for a pattern RE2 cannot run, as feelin does for an invalid one', () => {
    expect(evaluateWithinBudget('matches("aa", "(a)\\1")', {})).toEqual({ ok: true, value: null });
  });
});
