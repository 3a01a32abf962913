// The production topology under faults (issue #19), CI-sized, in `npm test`: PostgreSQL, a Temporal
// cluster of four services, two API replicas behind HAProxy and two workers, started from scratch;
// two dozen cases through the load balancer while a worker, history, matching, the frontend, an API
// replica and the PostgreSQL postmaster are each kill -9'd once; then every case's history is
// compared with the projection. Builds the Temporal server into .tools/ when it is not there (a Go
// build of about 5 minutes, once); needs HAProxy from Debian. The full-size run is
// `npm run reliability:cluster -- --cases 200 --fault-rounds 2` (docs/reliability.md).
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { ClusterFaults, runClusterCrash } from '../../bench/reliability/cluster-crash-run.ts';
import { requireClusterBinaries } from '../../runtime/cluster-binaries.ts';

const CASES = 24;
const APIS = 2;

function haproxyVersion(): string | undefined {
  try {
    return execFileSync('haproxy', ['-v'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return undefined;
  }
}

describe('the cluster topology under kill -9 of each of its parts', () => {
  beforeAll(() => {
    if (!haproxyVersion()) throw new Error('The cluster test needs HAProxy in front of the API replicas, and `haproxy` is not on PATH: apt-get install -y haproxy (.ci/run installs it).');
    requireClusterBinaries({ install: true, log: (line) => console.log(`[cluster] ${line}`) });
  }, 1_800_000);

  it('finishes every case started through HAProxy with none lost and none duplicated', { timeout: 1_200_000 }, async () => {
    const figures = await runClusterCrash({ cases: CASES, apis: APIS, timeoutMs: 900_000, log: (line) => console.log(`[cluster] ${line}`) });
    const v = figures.verification;

    // Every kind of fault landed, each while cases were still running.
    expect(figures.faults.map((fault) => fault.kind)).toEqual([...ClusterFaults]);
    for (const fault of figures.faults) expect(fault.inFlight).toBeGreaterThan(0);
    expect(figures.faults.find((fault) => fault.kind === 'database-restart')!.detail).toMatch(/recovered from WAL/);
    // HAProxy balanced over every replica started, the killed one back in the pool by the end.
    expect(figures.balancedOverAtEnd).toBe(APIS);

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
