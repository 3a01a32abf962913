// Called cases in a case log: a call activity runs its process as a case of its own, whose id is the
// calling case's id, a dot and the call's instance id (workflows/child-cases.ts). The fit reads what
// each called case returned from its `case-completed`, so the caller's branches after it keep
// history's mix; the called cases themselves are not arrivals of the calling process.
import type { CaseLogEvent } from '../events/case-log-event.ts';
import type { CaseData } from '../engine/contract.ts';

/** The id a called case gets, from its caller's id and the call activity's instance id. */
export const calledCaseId = (callerId: string, instanceId: string) => `${callerId}.${instanceId.replace(/[^A-Za-z0-9_-]/g, '-')}`;

const isRecord = (value: unknown): value is CaseData => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface SplitLog {
  /** The events of the process's own cases. */
  readonly own: CaseLogEvent[];
  /** What each called case in the log completed with, by its case id. */
  readonly returned: ReadonlyMap<string, CaseData>;
}

/** Whether a case id is that of a case called by one of `callers` (ids of started cases). */
function calledBy(callers: ReadonlySet<string>): (caseId: string) => boolean {
  const known = new Map<string, boolean>();
  return (caseId) => {
    let called = known.get(caseId);
    if (called === undefined) {
      called = false;
      for (let dot = caseId.indexOf('.'); dot > 0 && !called; dot = caseId.indexOf('.', dot + 1)) called = callers.has(caseId.slice(0, dot));
      known.set(caseId, called);
    }
    return called;
  };
}

const startedIn = (events: readonly CaseLogEvent[]) => new Set(events.filter((event) => event.kind === 'case-started').map((event) => event.caseId));

/**
 * Separates the called cases from a log holding both: a case is a called case when its id is another
 * case's id in the log followed by a dot (the caller's own events name the call's instance).
 */
export function splitCalledCases(events: readonly CaseLogEvent[]): SplitLog {
  const isCalled = calledBy(startedIn(events));
  const own: CaseLogEvent[] = [];
  const returned = new Map<string, CaseData>();
  for (const event of events) {
    if (!isCalled(event.caseId)) own.push(event);
    else if (event.kind === 'case-completed') returned.set(event.caseId, isRecord(event.data.data) ? event.data.data : {});
  }
  return { own, returned };
}

/** The ends of the cases in `calledLog` (another process's log) that `callers` called, to fit with the callers' log. */
export function calledCaseEnds(callers: readonly CaseLogEvent[], calledLog: readonly CaseLogEvent[]): CaseLogEvent[] {
  const isCalled = calledBy(startedIn(callers));
  return calledLog.filter((event) => event.kind === 'case-completed' && isCalled(event.caseId));
}
