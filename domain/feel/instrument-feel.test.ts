// The instrumented expression charges the meter for names read and lists iterated, and nothing else changes.
import { describe, expect, it } from 'vitest';
import { instrumentFeel } from './instrument-feel.ts';

describe('instrumentFeel', () => {
  it('wraps names read, lists iterated and lists filtered, but not the functions called', () => {
    expect(instrumentFeel('for i in 1..n, j in L return f(L[item > i])', { n: 1, L: [] })).toBe(
      'for i in 1..__casemapValue(n), j in __casemapEach(__casemapValue(L)) return f(__casemapEach(__casemapValue(L))[__casemapValue(item) > __casemapValue(i)])',
    );
  });

  it('charges a path as a whole, leaving names with spaces as written', () => {
    expect(instrumentFeel('person.home address = "x"', { person: { 'home address': 'x' } })).toBe('__casemapValue(person.home address) = "x"');
  });

  it('leaves types alone and gives up on text that does not parse', () => {
    expect(instrumentFeel('x instance of number', { x: 1 })).toBe('__casemapValue(x) instance of number');
    expect(instrumentFeel('amount >', {})).toBeUndefined();
  });
});
