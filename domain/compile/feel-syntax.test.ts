// FEEL is parsed at compile time, without being evaluated, and told apart from Camunda 7's JUEL.
import { describe, expect, it } from 'vitest';
import { isFeelMarked, isJuel, isValidFeel, stripFeelMarker } from './feel-syntax.ts';

describe('FEEL syntax', () => {
  it('parses FEEL without evaluating it and tells it from JUEL', () => {
    expect(isValidFeel('ersDate - duration("P10D")')).toBe(true);
    expect(isValidFeel('amount >')).toBe(false);
    expect(isFeelMarked(' =x')).toBe(true);
    expect(stripFeelMarker('= a > 1 ')).toBe('a > 1');
    expect(isJuel('${approved}')).toBe(true);
    expect(isJuel('=approved')).toBe(false);
  });
});
