// The production topology under faults (issue #19), CI-sized: PostgreSQL, a Temporal cluster of four
// services, two API replicas behind HAProxy and two workers, started from scratch; two dozen cases
// through the load balancer while a worker, history, matching, the frontend, an API replica and the
// PostgreSQL postmaster are each kill -9'd once; then every case's history is compared with the
// projection. Needs the Temporal server binaries (`npm run provision:cluster`, cached in .tools/).
import { describe, expect, it } from 'vitest';
import { ClusterFaults, runClusterCrash } from './cluster-crash-run.ts';

const CASES = 24;

describe('the cluster topology under kill -9 of each of its parts', () => {
  it('finishes every case started through HAProxy with none lost and none duplicated', { timeout: 1_200_000 }, async () => {
    const figures = await runClusterCrash({ cases: CASES, timeoutMs: 900_000, log: (line) => console.log(`[cluster] ${line}`) });
    const v = figures.verification;

    // Every kind of fault landed, each while cases were still running.
    expect(figures.faults.map((fault) => fault.kind)).toEqual([...ClusterFaults]);
    for (const fault of figures.faults) expect(fault.inFlight).toBeGreaterThan(0);
    expect(figures.faults.find((fault) => fault.kind === 'database-restart')!.detail).toMatch(/recovered from WAL/);

    expect(v.problems).toEqual([]);
    expect(figures.startRefusals).toEqual([]);
    expect(figures.startsAcknowledged).toBe(CASES);
    expect(v.cases).toBe(CASES);
    expect(v.completed).toBe(CASES);
    // Nothing lost: every acknowledged start is a workflow and a case row, both ways round.
    expect(v.threeWay.caseWorkflows).toBe(CASES);
    expect(v.threeWay.caseRows).toBe(CASES);
    expect(v.threeWay.workflowsWithoutCaseRow).toBe(0);
    expect(v.threeWay.caseRowsWithoutWorkflow).toBe(0);
    expect(v.threeWay.acknowledgedStartsNotListed).toBe(0);
    expect(v.threeWay.eventsMissingFromLog).toBe(0);
    expect(v.completionsLost).toBe(0);
    // Nothing duplicated: no stray second workflow, no event logged twice, no task completed twice.
    expect(v.threeWay.workflowsNotFromAStartKey).toBe(0);
    expect(v.threeWay.eventsExtraInLog).toBe(0);
    expect(v.completionsDuplicated).toBe(0);
    expect(v.completionsUnsettled).toBe(0);
    expect(v.threeWay.completedRowsWithoutCompletionInHistory + v.threeWay.completionsInHistoryWithoutCompletedRow).toBe(0);
    // Every case logs at least its start, two completed tasks and its end.
    expect(v.eventsCompared).toBeGreaterThan(CASES * 10);
    expect(figures.completionsAcknowledged + v.completionsAppliedUnacknowledged).toBe(v.threeWay.completionsInHistory);
  });
});
