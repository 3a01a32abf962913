import { describe, expect, it } from 'vitest';
import { InsightsReportQuery } from '../../../../../domain/contract/insights.ts';
import { filterFromQuery, filterToQuery, reportQuery } from './insights-filter.ts';

describe('the Insights filters in the address', () => {
  it('reads filters from the route query, ignoring values that are not allowed', () => {
    const filter = filterFromQuery(new URLSearchParams('definitionId=fno&version=2&from=2026-01-05&to=nonsense&outcome=lost&time=working&team=%20fno-returns%20'));
    expect(filter).toEqual({ definitionId: 'fno', version: 2, from: '2026-01-05', to: undefined, team: 'fno-returns', outcome: undefined, time: 'working', period: 'week' });
    expect(filterFromQuery(new URLSearchParams('version=-1')).version).toBeUndefined();
    expect(filterFromQuery(new URLSearchParams('from=2026-02-30&to=2026-01-05T09:00Z'))).toMatchObject({ from: undefined, to: undefined });
  });

  it('round-trips through the address, leaving defaults out', () => {
    const filter = filterFromQuery(new URLSearchParams('definitionId=fno&period=day&outcome=open'));
    const query = filterToQuery(filter);
    expect(query).toMatchObject({ definitionId: 'fno', period: 'day', outcome: 'open', time: undefined });
    const back = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
    expect(filterFromQuery(back)).toEqual(filter);
  });

  it('asks the API for whole days: the "to" day is included', () => {
    const query = reportQuery({ definitionId: 'fno', from: '2026-01-05', to: '2026-01-11', time: 'calendar', period: 'week' });
    expect(query).toMatchObject({ from: '2026-01-05T00:00:00Z', to: '2026-01-12T00:00:00Z', version: undefined });
  });

  it('asks with a query the API reads as given: every filter survives its report schema', () => {
    const filter = filterFromQuery(new URLSearchParams('definitionId=fno&version=3&from=2026-01-05&to=2026-01-11&team=fno-returns&outcome=open&time=working&period=day'));
    const query = reportQuery({ ...filter, definitionId: 'fno' });
    expect(InsightsReportQuery.parse(query)).toEqual({ definitionId: 'fno', version: 3, from: '2026-01-05T00:00:00Z', to: '2026-01-12T00:00:00Z', team: 'fno-returns', outcome: 'open', time: 'working', period: 'day' });
  });
});
