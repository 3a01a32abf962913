import { describe, expect, it } from 'vitest';
import { DataFilters } from './case-data-filter.ts';

describe('the data filter of case search', () => {
  it.each([
    ['nationality:eq:Albanian', [{ path: ['nationality'], op: 'eq', value: 'Albanian' }]],
    ['note:ne:', [{ path: ['note'], op: 'ne', value: '' }]],
    ['sentence.months:gte:12', [{ path: ['sentence', 'months'], op: 'gte', compareAs: 'number', value: '12' }]],
    ['ersDate:lt:2026-03-01', [{ path: ['ersDate'], op: 'lt', compareAs: 'instant', value: '2026-03-01' }]],
    ['at:gt:2026-03-01T09:00:00+01:00', [{ path: ['at'], op: 'gt', compareAs: 'instant', value: '2026-03-01T09:00:00+01:00' }]],
  ])('reads %s', (text, expected) => {
    expect(DataFilters.parse(text)).toEqual(expected);
  });

  it('reads a repeated parameter as several filters', () => {
    expect(DataFilters.parse(['a:eq:1', 'b:lt:2'])).toHaveLength(2);
  });

  it.each([
    ['a', /field:op:value/],
    ['a:like:x', /"like" is not an operator/],
    ['a:lt:soon', /"soon" is neither/],
    ['a:lt:2026-13-01', /is neither/],
    ['a:lt:0000-01-01', /is neither/],
    ['a:lt:2026-02-19T11:26:21-21:15', /is neither/],
    ['a..b:eq:x', /is not a field name/],
    ['a.b.c.d.e.f:eq:x', /at most 5 levels/],
  ])('refuses %s, saying what is accepted', (text, message) => {
    const result = DataFilters.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });
});
