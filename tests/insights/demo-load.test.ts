// The demo load on the real stack: a few FNO sample cases run through the real engine (Temporal
// dev server, worker, projection store) by demo caseworkers, after which the insights report has
// figures in every part, the at-risk list names the case left to stall, and a second load with
// the same target starts no further cases.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCase } from '../../api/cases/case-service.ts';
import { startDemoLoad, type RunningDemoLoad } from '../../runtime/demo-load.ts';
import { deploySampleLibrary } from '../../runtime/sample-library.ts';
import { searchCases } from '../../storage/case-queries.ts';
import { eventually, startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const CASES = 5;
const FNO = 'fno-returns-casework';

describe('the demo load', () => {
  let casemap: TestCasemap;
  let analyst: UserClient;
  let load: RunningDemoLoad | undefined;

  const deps = () => ({ db: casemap.db, client: casemap.client, startCase: (request: Parameters<typeof startCase>[1]) => startCase({ db: casemap.db, client: casemap.client, taskQueue: casemap.taskQueue }, request) });
  const demoCases = async () => (await searchCases(casemap.db, { teams: undefined, definitionId: FNO, dataField: 'demoLoad', dataValue: 'casemap-demo-load', sort: 'started', limit: 100, offset: 0 })).items;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    const samples = await deploySampleLibrary(casemap.db, join(import.meta.dirname, '../../processes'));
    expect(samples.flatMap((sample) => sample.errors)).toEqual([]);
    analyst = await casemap.as('analyst');
  });
  afterAll(async () => {
    await load?.stop();
    await casemap?.stop();
  });

  it('runs sample cases to their end through the engine, and leaves one open past its decision deadline', async () => {
    // 1 simulated hour = 2 ms: a case of some 1,000 simulated hours takes seconds.
    load = startDemoLoad(deps(), { cases: CASES, hourMs: 2, tickMs: 100, installation: casemap.taskQueue });
    const report = await eventually(
      async () => (await analyst.get(`/api/insights/report?definitionId=${FNO}`).expect(200)).body,
      (body) => body.cases.total === CASES && body.cases.open === 1 && body.atRisk.length > 0,
      120_000,
    );
    expect(report.cases).toMatchObject({ total: CASES, open: 1, completed: CASES - 1 });
    const decide = report.elements.find((element: { nodeId: string }) => element.nodeId === 'Task_decide');
    expect(decide.waiting.count).toBeGreaterThan(0);
    expect(decide.processing.mean).toBeGreaterThan(0);
    expect(report.handoffs.length).toBeGreaterThan(0);
    expect(report.variants.total).toBeGreaterThan(0);
    expect(report.caseDurations.duration.count).toBe(CASES - 1);
    expect(report.throughput.periods.reduce((sum: number, period: { completed: number }) => sum + period.completed, 0)).toBe(CASES - 1);
    // The third case (index 2) stalls before the decision with its ERS date close.
    const stalled = (await demoCases()).find((row) => row.data.demoIndex === 2)!;
    expect(stalled.status).toBe('running');
    expect(report.atRisk).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: stalled.id, nodeId: 'Task_decide', scope: 'task', alreadyOverdue: true })]));
    expect(report.slaBreaches.overall.breached).toBeGreaterThan(0);
    // Removals were arranged as child cases of the logistics process.
    const removals = (await analyst.get('/api/insights/report?definitionId=removals-logistics').expect(200)).body;
    expect(removals.cases.completed).toBeGreaterThan(0);
  }, 180_000);

  it('starts no further cases when started again with the same target', async () => {
    await load?.stop();
    load = startDemoLoad(deps(), { cases: CASES, hourMs: 2, tickMs: 50, installation: casemap.taskQueue });
    await eventually(async () => load!.started(), (started) => started > 0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(load.started()).toBe(CASES);
    expect(await demoCases()).toHaveLength(CASES);
  }, 60_000);
});
