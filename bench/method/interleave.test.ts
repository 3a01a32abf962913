import { describe, expect, it } from 'vitest';
import { roundOrder } from './interleave.ts';

describe('interleaving order', () => {
  it('rotates the contenders by one each round', () => {
    const rounds = [0, 1, 2, 3].map((round) => roundOrder(['A', 'B', 'C'], round).join(''));
    expect(rounds).toEqual(['ABC', 'BCA', 'CAB', 'ABC']);
  });

  it('puts every contender first equally often over a whole number of cycles', () => {
    const firsts = Array.from({ length: 6 }, (_, round) => roundOrder(['A', 'B', 'C'], round)[0]);
    expect(firsts.filter((name) => name === 'A')).toHaveLength(2);
    expect(firsts.filter((name) => name === 'B')).toHaveLength(2);
    expect(firsts.filter((name) => name === 'C')).toHaveLength(2);
  });

  it('leaves the list it was given untouched', () => {
    const contenders = ['A', 'B'];
    roundOrder(contenders, 1);
    expect(contenders).toEqual(['A', 'B']);
  });
});
