// Which names an expression reads from the case data: only an expression with none is measured at deploy.
import { describe, expect, it } from 'vitest';
import { freeNames } from './free-names.ts';

describe('freeNames', () => {
  it.each([
    ['amount > 1000 and nationality = "NG"', ['amount', 'nationality']],
    ['{f: function(n) if n <= 0 then 1 else f(n-1) + f(n-1), r: f(40)}.r > 0', []],
    ['{f: function(n) if n <= 0 then 1 else f(n-1), r: f(depth)}.r', ['depth']],
    ['for i in 1..n, j in [1, 2] return i * j + partial[1]', ['n']],
    ['some c in claims satisfies c.type = "appeal"', ['claims']],
    ['[1, 2, 3][item > limit]', ['limit']],
    ['count(sort([3, 1], function(a, b) a < b)) + string length("x")', []],
    ['x instance of number', ['x']],
    ['today() > date("2026-01-01")', []],
  ])('finds the case data %s reads', (expression, names) => {
    expect(freeNames(expression, ['now', 'today'])).toEqual(names);
  });

  it('says nothing about an expression that does not parse', () => {
    expect(freeNames('amount >')).toBeUndefined();
  });
});
