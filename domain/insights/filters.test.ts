import { describe, expect, it } from 'vitest';
import { buildTraces } from './case-traces.ts';
import { filterTraces } from './filters.ts';
import { at, threeCaseLog } from './log-builder.testing.ts';

const ids = (filter: Parameters<typeof filterTraces>[1]) => filterTraces(buildTraces(threeCaseLog()), filter).map((t) => t.caseId);

describe('log filters', () => {
  it('selects cases by start date, version, team, variant and outcome', () => {
    expect(ids({})).toEqual(['c1', 'c2', 'c3']);
    expect(ids({ from: at(1), to: at(2) })).toEqual(['c2']);
    expect(ids({ definitionId: 'fno', version: 2 })).toEqual(['c2', 'c3']);
    expect(ids({ definitionId: 'other' })).toEqual([]);
    expect(ids({ team: 'b' })).toEqual(['c1', 'c2', 'c3']);
    expect(ids({ variant: ['Task A', 'Task B'] })).toEqual(['c2']);
    expect(ids({ outcome: 'open' })).toEqual(['c3']);
  });
});
