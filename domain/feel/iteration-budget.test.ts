// The FEEL work bound: iterations counted from the syntax tree before anything is evaluated.
import { describe, expect, it } from 'vitest';
import { evaluate } from 'feelin';
import { countIterations } from './iteration-budget.ts';

describe('countIterations', () => {
  it('counts nothing for expressions without for, some or every', () => {
    expect(countIterations('amount > 1000 and nationality = "NG"', { amount: 5 })).toBe(0);
  });

  it('counts a literal range, and multiplies combined and nested iterations', () => {
    expect(countIterations('count(for i in 1..1000 return i) > 0', {})).toBe(1000);
    expect(countIterations('for i in 1..10, j in 1..20 return i * j', {})).toBe(200);
    expect(countIterations('for i in 1..10 return count(for j in 1..20 return j)', {})).toBe(10 + 200);
    expect(countIterations('some x in 1..5 satisfies x > 3', {})).toBe(5);
  });

  it('reads range bounds and list lengths from the case data at run time', () => {
    expect(countIterations('for i in 1..n return i', { n: 300 })).toBe(300);
    expect(countIterations('for claim in claims return claim.id', { claims: [1, 2, 3] })).toBe(3);
    expect(countIterations('for i in 1..(n * 1000) return i', { n: 5 })).toBe(Infinity);
  });

  it('counts a range over case data as nothing at check time, when the data is not known', () => {
    expect(countIterations('for i in 1..n return i')).toBe(0);
  });

  it('agrees with what feelin iterates', () => {
    // the count is an upper bound of the work: feelin makes exactly this many iterations here
    const result = evaluate('for i in 1..10, j in 1..20 return i * j', {}).value as unknown[];
    expect(result).toHaveLength(countIterations('for i in 1..10, j in 1..20 return i * j', {}));
  });
});
