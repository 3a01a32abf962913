// The demo load on the real stack: a few FNO sample cases run through the real engine (Temporal
// dev server, worker, projection store) by demo caseworkers, after which the insights report has
// figures in every part, the at-risk list names the case left to stall, and a second load with
// the same target starts no further cases.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOwnCase } from '../../services/case-start.ts';
import { startDemoLoad, type RunningDemoLoad } from '../../demo/demo-load.ts';
import { scenarioFor, seededRandom, stallsAt } from '../../demo/demo-load-plan.ts';
import { deploySampleLibrary } from '../../runtime/sample-library.ts';
import { searchCases } from '../../storage/case-queries.ts';
import { eventually, startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const CASES = 5;
/** The FNO process's terminate end events: reaching one cancels the rest of the case. */
const TERMINATE_ENDS = new Set(['End_leave_granted', 'End_appeal_allowed']);
const FNO = 'fno-returns-casework';

/** The demo caseworker the plan picks for a task (demo/demo-load.ts): one of three of its team, seeded by the task's id. */
const botFor = (task: { id: string; team: string }) => `demo-${task.team}-${1 + Math.floor(seededRandom(`bot:${task.id}`)() * 3)}`;

interface TaskRecord {
  id: string;
  caseId: string;
  nodeId: string;
  team: string;
  status: string;
  assignee: string | null;
}

describe('the demo load', () => {
  let casemap: TestCasemap;
  let analyst: UserClient;
  let load: RunningDemoLoad | undefined;

  // The load says each kind of refused or failed action once: the reason when a case does not move on.
  const deps = () => ({ db: casemap.db, client: casemap.client, log: (line: string) => console.log(line), startCase: (request: Parameters<typeof startOwnCase>[1]) => startOwnCase({ db: casemap.db, client: casemap.client, taskQueue: casemap.taskQueue }, request) });
  const demoCases = async () => (await searchCases(casemap.db, { scope: { kind: 'all' }, definitionId: FNO, dataField: 'demoLoad', dataValue: 'casemap-demo-load', sort: 'started', limit: 100, offset: 0 })).items;

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
    // Exactly the planned cases, once each: a stalling scenario stays running, every other one ends.
    const cases = (await demoCases()).sort((a, b) => Number(a.data.demoIndex) - Number(b.data.demoIndex));
    const planned = Array.from({ length: CASES }, (_, index) => ({ index, scenario: scenarioFor(index), status: stallsAt[scenarioFor(index)] ? 'running' : 'completed' }));
    expect(cases.map((row) => ({ index: row.data.demoIndex, scenario: row.data.demoScenario, status: row.status }))).toEqual(planned);
    expect(planned.filter((plan) => plan.status === 'running').map((plan) => plan.index)).toEqual([2]);
    for (const row of cases) {
      const family = [row.id, `${row.id}.%`];
      const tasks = await casemap.db.query<TaskRecord>('SELECT id, case_id AS "caseId", node_id AS "nodeId", team, status, assignee FROM tasks WHERE case_id = $1 OR case_id LIKE $2 ORDER BY created_at', family);
      const events = await casemap.db.query<{ caseId: string; kind: string; taskId: string | null; actor: string | null; nodeId: string | null }>('SELECT case_id AS "caseId", kind, task_id AS "taskId", actor, node_id AS "nodeId" FROM events WHERE case_id = $1 OR case_id LIKE $2 ORDER BY seq', family);
      const kinds = (kind: string, caseId = row.id) => events.filter((event) => event.kind === kind && event.caseId === caseId);
      const stallsAtNode = stallsAt[row.data.demoScenario as keyof typeof stallsAt];
      expect(kinds('case-started'), row.id).toHaveLength(1);
      expect(kinds('case-completed'), row.id).toHaveLength(stallsAtNode ? 0 : 1);
      expect([...kinds('case-failed'), ...kinds('case-cancelled')], row.id).toEqual([]);
      // The ERS table decides every case that got past its deportation decision, once.
      expect(kinds('decision-evaluated'), row.id).toHaveLength(stallsAtNode === 'Task_decide' ? 0 : 1);
      // Every task was worked by the plan's bot: claimed once and completed once by it — except the
      // stalled step, left open and unclaimed for good.
      const worked = tasks.filter((task) => !(stallsAtNode && task.caseId === row.id && task.nodeId === stallsAtNode));
      const stalled = tasks.filter((task) => !worked.includes(task));
      expect(stalled.map((task) => ({ nodeId: task.nodeId, status: task.status, assignee: task.assignee })), row.id).toEqual(stallsAtNode ? [{ nodeId: stallsAtNode, status: 'open', assignee: null }] : []);
      expect(worked.length, row.id).toBeGreaterThan(3);
      // A withdrawal (the event subprocess) and a terminate end (protection granted, appeal allowed)
      // cancel whatever else is open, claimed or not: which step that is depends on how far the bots
      // on the other branch got in real time (CI's PostgreSQL pass found an ETD application cancelled
      // so). Only such a case may have cancelled tasks, each never completed and touched by no one
      // but its bot.
      const endsEverything = row.data.demoScenario === 'withdrawn' || events.some((event) => event.caseId === row.id && event.kind === 'element-entered' && TERMINATE_ENDS.has(event.nodeId ?? ''));
      for (const task of worked) {
        const local = task.id.slice(task.caseId.length + 1);
        const of = (kind: string) => events.filter((event) => event.kind === kind && event.caseId === task.caseId && event.taskId === local).map((event) => event.actor);
        const seen = { task: task.id, status: task.status, assignee: task.assignee, claimedBy: of('task-claimed'), completedBy: of('task-completed') };
        if (endsEverything && task.status === 'cancelled') {
          expect([[], [botFor(task)]], task.id).toContainEqual(seen.claimedBy);
          expect([null, botFor(task)], task.id).toContain(seen.assignee);
          expect(seen.completedBy, task.id).toEqual([]);
          continue;
        }
        expect(seen).toEqual({ task: task.id, status: 'completed', assignee: botFor(task), claimedBy: [botFor(task)], completedBy: [botFor(task)] });
      }
      // Nobody touched the stalled step; its deadline passed, which breached it and told the lead.
      for (const task of stalled) {
        const after = events.filter((event) => event.caseId === task.caseId && event.taskId === task.id.slice(task.caseId.length + 1) && event.kind !== 'task-ready');
        expect(after.map((event) => event.kind).sort(), task.id).toEqual(['escalated-to-lead', 'sla-breached']);
      }
    }
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
    // Only the stalled case is open, so only it can be at risk.
    expect(new Set(report.atRisk.map((item: { caseId: string }) => item.caseId))).toEqual(new Set([stalled.id]));
    expect(report.slaBreaches.overall.breached).toBeGreaterThan(0);
    // Removals were arranged as child cases of the logistics process.
    const removals = (await analyst.get('/api/insights/report?definitionId=removals-logistics').expect(200)).body;
    const children = await casemap.db.query<{ id: string; status: string }>("SELECT id, status FROM cases WHERE definition_id = 'removals-logistics' ORDER BY id");
    expect(children.length).toBeGreaterThan(0);
    expect(children.filter((child) => !cases.some((row) => child.id.startsWith(`${row.id}.`)))).toEqual([]);
    expect(children.filter((child) => child.status !== 'completed')).toEqual([]);
    expect(removals.cases).toMatchObject({ total: children.length, open: 0, completed: children.length });
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
