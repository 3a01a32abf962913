// A call activity's outcome lives in the called case's own log: the fit reads it there, and the called
// case is not mistaken for a case of the calling process.
import { describe, expect, it } from 'vitest';
import type { CaseLogEvent } from '../events/case-log-event.ts';
import { calledCaseEnds, calledCaseId, splitCalledCases } from './called-cases.ts';
import { fitSimulationModel } from './fit-simulation-model.ts';

const T0 = Date.parse('2027-01-04T09:00:00Z');
let n = 0;
const event = (caseId: string, kind: CaseLogEvent['kind'], hours: number, extra: Partial<CaseLogEvent> = {}): CaseLogEvent => ({
  id: `${caseId}:${++n}`, caseId, kind, at: new Date(T0 + hours * 3_600_000).toISOString(), data: {}, ...extra,
});

/** A caller entering its call activity; the called case runs under the id the workflow gives it. */
function callerWithCalledCase(caller: string, outcome: string): CaseLogEvent[] {
  const called = calledCaseId(caller, 'call#3');
  return [
    event(caller, 'case-started', 0, { data: { data: {} } }),
    event(caller, 'element-entered', 1, { nodeId: 'call', data: { instanceId: 'call#3' } }),
    event(called, 'case-started', 1, { data: { data: {} } }),
    event(called, 'case-completed', 100, { data: { data: { removalOutcome: outcome } } }),
    event(caller, 'element-completed', 100, { nodeId: 'call', data: { instanceId: 'call#3' } }),
    event(caller, 'case-completed', 101, { data: { data: { removalOutcome: outcome } } }),
  ];
}

describe('called cases in a fitted log', () => {
  it('names a called case after its caller and the call instance, as the workflow does', () => {
    expect(calledCaseId('FNO-12', 'Call_removals#7')).toBe('FNO-12.Call_removals-7');
  });

  it('gives the call activity what each called case returned, so the branches after it keep history\'s mix', () => {
    const model = fitSimulationModel([...callerWithCalledCase('a', 'removed'), ...callerWithCalledCase('b', 'failed')]);
    expect(model.profiles.map((profile) => profile.completions.call)).toEqual([[{ removalOutcome: 'removed' }], [{ removalOutcome: 'failed' }]]);
  });

  it('does not count called cases as arrivals of the calling process', () => {
    const log = [...callerWithCalledCase('a', 'removed'), ...callerWithCalledCase('b', 'failed')];
    expect(fitSimulationModel(log).period.cases).toBe(2);
    expect(new Set(splitCalledCases(log).own.map((e) => e.caseId))).toEqual(new Set(['a', 'b']));
  });

  it('takes from another process\'s log only the ends of the cases these callers called', () => {
    const log = callerWithCalledCase('a', 'removed');
    const removalsLog = [...log.filter((e) => e.caseId !== 'a'), event('standalone', 'case-started', 0), event('standalone', 'case-completed', 5)];
    expect(calledCaseEnds(log.filter((e) => e.caseId === 'a'), removalsLog).map((e) => [e.caseId, e.kind])).toEqual([[calledCaseId('a', 'call#3'), 'case-completed']]);
  });
});
