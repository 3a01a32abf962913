// The work budget is enforced while feelin evaluates: every call, iteration and value read is
// charged, and an expression over budget stops with a reason instead of running on.
import { evaluate } from 'feelin';
import { describe, expect, it } from 'vitest';
import { evaluateWithinBudget, literalWorkProblem, MAX_FEEL_WORK, measureWithinBudget, OVER_BUDGET_REASON } from './evaluation-budget.ts';
import { STEP_COST } from './work-meter.ts';

const doubling = (depth: string) => `{f: function(n) if n <= 0 then 1 else f(n-1) + f(n-1), r: f(${depth})}.r`;

describe('evaluateWithinBudget', () => {
  it('cuts off a function that calls itself twice per level, 40 levels deep', () => {
    expect(evaluateWithinBudget(`${doubling('40')} > 0`, {})).toEqual({ ok: false, overBudget: true, error: OVER_BUDGET_REASON });
  });

  it('cuts off the same recursion when its depth comes from the case data', () => {
    expect(evaluateWithinBudget(doubling('depth'), { depth: 40 })).toMatchObject({ ok: false, overBudget: true });
  });

  it('cuts off mutual recursion deeper than the call-depth limit, before JavaScript runs out of stack', () => {
    const mutual = '{even: function(n) if n = 0 then true else odd(n-1), odd: function(n) if n = 0 then false else even(n-1), r: even(100000)}.r';
    expect(evaluateWithinBudget(mutual, {})).toMatchObject({ ok: false, overBudget: true });
    expect(evaluateWithinBudget(mutual.replace('100000', '100'), {})).toEqual({ ok: true, value: true });
  });

  it.each([
    ['a range of a hundred million', 'count(for i in 1..100000000 return i) > 0'],
    ['for over lists built by other for expressions', '{L: [1,2,3,4,5,6,7,8,9,10], M: for a in L, b in L, c in L return 1, r: count(for a in M, b in M return 1)}.r'],
    ['a list doubled by concatenate', `{a: [1,2,3,4,5,6,7,8], ${'bcdefghijklmnopqrst'.split('').map((name, index) => `${name}: concatenate(${'abcdefghijklmnopqrst'[index]}, ${'abcdefghijklmnopqrst'[index]})`).join(', ')}}.t`],
    ['a text doubled and upper-cased', `{a: "xxxxxxxx", ${'bcdefghijklmnopqrstuvw'.split('').map((name, index) => `${name}: upper case(${'abcdefghijklmnopqrstuvw'[index]} + ${'abcdefghijklmnopqrstuvw'[index]})`).join(', ')}}.w`],
    ['a list compared with itself in a loop', '{L: for i in 1..3000 return i, r: for j in 1..3000 return L = L}.r'],
    ['a filter over a large list in a loop', '{L: for i in 1..3000 return i, r: for j in 1..3000 return count(L[item > j])}.r'],
    ['a sort with a FEEL comparison', '{L: for i in 1..4000 return 4000 - i, r: sort(L, function(a, b) a < b)}.r'],
  ])('cuts off %s, which has no recursion at all', (_what, expression) => {
    expect(evaluateWithinBudget(expression, {})).toMatchObject({ ok: false, overBudget: true });
  });

  it('evaluates an expression just under the budget to the same value as feelin', () => {
    // iterations at STEP_COST units each, plus the call to count
    const iterations = Math.floor((0.9 * MAX_FEEL_WORK) / STEP_COST);
    const measured = measureWithinBudget(`count(for i in 1..${iterations} return i)`, {});
    expect(measured.outcome).toEqual({ ok: true, value: iterations });
    expect(measured.spent).toBeGreaterThan(0.8 * MAX_FEEL_WORK);
    expect(measured.spent).toBeLessThanOrEqual(MAX_FEEL_WORK);
    expect(evaluateWithinBudget(`count(for i in 1..${MAX_FEEL_WORK / STEP_COST + 1} return i)`, {})).toMatchObject({ ok: false, overBudget: true });
    expect(evaluateWithinBudget(`${doubling('8')} = 256`, {})).toEqual({ ok: true, value: true });
  });

  it.each([
    ['amount > 1000 and nationality = "NG"', { amount: 1200, nationality: 'NG' }],
    ['sum(for c in claims return c.amount)', { claims: [{ amount: 1 }, { amount: 2 }] }],
    ['some c in claims satisfies c.type = "appeal"', { claims: [{ type: 'asylum' }, { type: 'appeal' }] }],
    ['claims[amount > 1].amount', { claims: [{ amount: 1 }, { amount: 2 }, { amount: 3 }] }],
    ['{a: 1, b: a + 1}.b * sentence months', { 'sentence months': 12 }],
    ['foo-bar + 1', { 'foo-bar': 7, foo: 10, bar: 1 }],
    ['person.home address', { person: { 'home address': 'Leeds' } }],
    ['for i in 1..n, j in [1, 2] return i * j', { n: 3 }],
    ['string length(name) + count(split(name, " "))', { name: 'Ada Lovelace' }],
    ['if missing = null then "none" else missing', {}],
    ['sort(xs, function(a, b) a > b)[1]', { xs: [3, 1, 2] }],
  ])('gives exactly feelin’s value for %s', (expression, data) => {
    expect(evaluateWithinBudget(expression, data)).toEqual({ ok: true, value: evaluate(expression, data).value });
  });

  it('charges the same work, and so stops at the same point, every time (it counts, never times)', () => {
    const runs = [1, 2, 3].map(() => measureWithinBudget(doubling('depth'), { depth: 30 }));
    expect(new Set(runs.map((run) => run.spent)).size).toBe(1);
    expect(runs[0]?.outcome.ok).toBe(false);
  });

  it('reports a syntax error as an error, not as over budget', () => {
    expect(evaluateWithinBudget('amount >', {})).toMatchObject({ ok: false, overBudget: false });
  });
});

describe('literalWorkProblem', () => {
  it('refuses a literal expression that always goes over budget', () => {
    expect(literalWorkProblem(`${doubling('40')} > 0`)).toBe(OVER_BUDGET_REASON);
    expect(literalWorkProblem('count(for i in 1..1000000 return i) > 0')).toBe(OVER_BUDGET_REASON);
  });

  it('lets through an expression whose work depends on the case data, and small literal ones', () => {
    expect(literalWorkProblem(doubling('depth'))).toBeUndefined();
    expect(literalWorkProblem(`${doubling('5')} = 32`)).toBeUndefined();
    expect(literalWorkProblem('today() > date("2026-01-01")')).toBeUndefined();
  });

  it('stops measuring once a diagram has used its allowance', () => {
    const allowance = { left: MAX_FEEL_WORK - 1 };
    expect(literalWorkProblem(`${doubling('40')} > 0`, allowance)).toBeUndefined();
  });
});
