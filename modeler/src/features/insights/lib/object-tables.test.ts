import { describe, expect, it } from 'vitest';
import { attributeHistoryRows, currentAttributes, eventRelationsTable, objectRelationsTable, valueSince } from './object-tables.ts';

describe('object model and attribute tables', () => {
  it('gives one row per counted relation, an empty qualifier shown as none', () => {
    const graph = {
      objectRelations: [{ sourceType: 'order', targetType: 'item', qualifier: '', count: 1200 }],
      eventRelations: [{ activity: 'place order', objectType: 'order', count: 2 }],
    };
    expect(objectRelationsTable(graph).rows).toEqual([['order', 'item', '(none)', (1200).toLocaleString()]]);
    expect(eventRelationsTable(graph).rows).toEqual([['place order', 'order', '2']]);
  });

  it('says an initial value is initial and a change when it happened, each attribute value on its own row', () => {
    expect(valueSince('1970-01-01T00:00:00.000Z')).toBe('initial');
    expect(valueSince('2026-01-08T12:00:00.000Z')).toMatch(/8 Jan 2026.*12:00/);
    const detail = {
      id: 'o1',
      type: 'order',
      attributes: [{ name: 'total', history: [{ at: '1970-01-01T00:00:00.000Z', value: '120.5' }, { at: '2026-01-08T12:00:00.000Z', value: '99.5' }] }],
      relations: { items: [], total: 0, truncated: false },
      events: { items: [], total: 0, truncated: false },
    };
    expect(attributeHistoryRows(detail).map(([name, , value]) => [name, value])).toEqual([['total', '120.5'], ['total', '99.5']]);
    expect(currentAttributes([{ name: 'total', value: '99.5', at: '' }, { name: 'status', value: 'paid', at: '' }])).toBe('total = 99.5; status = paid');
  });
});
