import { describe, expect, it } from 'vitest';
import { attributeHistories, currentValues, type StoredAttributeValue } from './ocel-objects.ts';

const EPOCH = '1970-01-01T00:00:00.000Z';
// As a file may list them: a change before the initial value, two values at one time.
const stored: StoredAttributeValue[] = [
  ['status', '2026-01-08T12:00:00.000Z', 'paid'],
  ['total', EPOCH, '120.5'],
  ['status', EPOCH, 'open'],
  ['total', '2026-01-09T00:00:00.000Z', '90'],
  ['total', '2026-01-09T00:00:00.000Z', '99.5'],
];

describe('object attribute values', () => {
  it('gives each attribute its values in time order, equal times in file order', () => {
    expect(attributeHistories(stored)).toEqual([
      { name: 'status', history: [{ at: EPOCH, value: 'open' }, { at: '2026-01-08T12:00:00.000Z', value: 'paid' }] },
      { name: 'total', history: [{ at: EPOCH, value: '120.5' }, { at: '2026-01-09T00:00:00.000Z', value: '90' }, { at: '2026-01-09T00:00:00.000Z', value: '99.5' }] },
    ]);
  });

  it('takes the value of the last change as current, the later in the file of two at one time', () => {
    expect(currentValues(stored)).toEqual([
      { name: 'status', value: 'paid', at: '2026-01-08T12:00:00.000Z' },
      { name: 'total', value: '99.5', at: '2026-01-09T00:00:00.000Z' },
    ]);
  });

  it('gives an object without attributes none', () => {
    expect(currentValues(null)).toEqual([]);
    expect(attributeHistories(null)).toEqual([]);
  });
});
