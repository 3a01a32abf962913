// A process's own case log in the analytical store equals a full recomputation: cases of a deployed
// process run to their end on the real stack across two versions, and random cases written through
// the projection path a workflow's writes take (spread over days, teams, rework, handoffs, every
// outcome, events arriving in several writes); the routes' graph, variants and rework, handoffs and
// waiting vs working — whole, by version, by case-start days, by team — against the report's own
// functions over the same ended cases read as GET /insights/report reads them, each step also named as
// the diagram of the version asked names it (with no version, the latest that names it). A case is folded once:
// not again on a repeated end, a second catch-up, or after a fold that crashed; one that fails
// leaves the case's end in place and is made good by the next catch-up.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTraces, type CaseTrace } from '../../domain/insights/case-traces.ts';
import type { CaseLogEvent } from '../../domain/events/case-log-event.ts';
import type { AggregatedHandoffs, AggregatedReport, AggregatedTimeSplit, ProcessAggregatedDfg } from '../../domain/contract/insight-aggregates.ts';
import { mulberry32 } from '../../domain/insights/synthetic-log.ts';
import { appendCaseLogEvents } from '../../storage/case-log-store.ts';
import { definitionCaseLog } from '../../storage/insights-queries.ts';
import { definitionSource, foldEndedCase } from '../../storage/case-log-fold.ts';
import { deleteInsightAggregates } from '../../storage/insight-rollup.ts';
import { catchUpCaseLogFolds } from '../../services/case-log-folds.ts';
import { expectSameDfg, expectSameHandoffs, expectSameReport, expectSameTimeSplit } from '../support/aggregate-expectations.ts';
import { eventually, startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const referralXml = readFileSync(new URL('../fixtures/two-lane-referral.bpmn', import.meta.url), 'utf8');
const DEFINITION = 'fno-referral';
const DAY = 86_400_000;
const STEPS = [
  { nodeId: 'Task_refer', name: 'Refer case to FNO Returns' },
  { nodeId: 'Task_decide', name: 'Make deportation decision' },
  { nodeId: 'Task_chase', name: 'Chase the prison for the referral' },
  { nodeId: 'Task_check', name: 'Check barriers' },
];
const TEAMS = ['prison-casework', 'fno-returns', 'escorting'];
/** What each version's diagram calls its steps. Version 2 renames a step; version 3 renames it again and replaces Task_chase by Task_chase_prison (it runs no case). */
const VERSION_NAMES: Record<number, Record<string, string>> = {
  1: { Task_refer: 'Refer case to FNO Returns', Task_decide: 'Make deportation decision', Task_chase: 'Chase the prison for the referral' },
  2: { Task_refer: 'Refer case to FNO Returns', Task_decide: 'Decide on deportation', Task_chase: 'Chase the prison for the referral' },
};
/** With no version, each step by the latest version that names it: version 3's Task_decide, version 2's Task_chase (version 3 has none). */
const EVERY_VERSION_NAMES = { Task_refer: 'Refer case to FNO Returns', Task_decide: 'Decide whether to deport', Task_chase: 'Chase the prison for the referral' };
/** The name an answer must give a step; Task_check (random cases only) is in no version, so it keeps its id. */
const stepName = (version?: number) => {
  const names: Record<string, string> = version === undefined ? EVERY_VERSION_NAMES : VERSION_NAMES[version]!;
  return (nodeId: string) => names[nodeId] ?? nodeId;
};

/**
 * One random case as a workflow logs it, cut into the writes it arrives in (a few events each):
 * steps readied, some claimed, some reassigned to another team, most completed, some at the same
 * instant; ownership passing between teams and taken up by a claim; then completed, failed,
 * cancelled, or left open (`end` null).
 */
function randomCase(next: () => number, caseId: string, version: number): { writes: CaseLogEvent[][]; end: CaseLogEvent | null } {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  let at = Date.parse('2026-09-10T08:00:00Z') + Math.floor(next() * 80 * DAY);
  let n = 0;
  const event = (kind: CaseLogEvent['kind'], extra: Partial<CaseLogEvent> = {}): CaseLogEvent => ({ id: `${caseId}:${(n += 1)}`, caseId, kind, at: new Date(at).toISOString(), data: {}, ...extra });
  const later = () => (at += next() < 0.1 ? 0 : 1 + Math.floor(next() * 2 * DAY));
  let owner = pick(TEAMS);
  const events: CaseLogEvent[] = [event('case-started', { team: owner, data: { definitionId: DEFINITION, version, workflowId: `wf-${caseId}`, data: {} } })];
  const steps = 1 + Math.floor(next() * 7);
  for (let s = 0; s < steps; s += 1) {
    const step = s > 1 && next() < 0.3 ? STEPS[Math.floor(next() * 2)]! : pick(STEPS);
    let team = pick(TEAMS);
    if (team !== owner) {
      later();
      events.push(event('ownership-changed', { team, data: { fromTeam: owner, toTeam: team } }));
      owner = team;
    }
    const taskId = `t${s}`;
    later();
    events.push(event('task-ready', { nodeId: step.nodeId, taskId, team, task: { name: step.name, team, form: [], priority: 0 } }));
    if (next() < 0.15) {
      team = pick(TEAMS);
      later();
      events.push(event('task-reassigned', { nodeId: step.nodeId, taskId, data: { toTeam: team } }));
    }
    if (next() < 0.8) {
      later();
      events.push(event('task-claimed', { nodeId: step.nodeId, taskId, team, actor: `${team}-1` }));
    }
    if (next() < 0.9) {
      later();
      events.push(event('task-completed', { nodeId: step.nodeId, taskId, team, actor: `${team}-1` }));
    }
  }
  const writes: CaseLogEvent[][] = [];
  for (let i = 0; i < events.length; i += 3) writes.push(events.slice(i, i + 3));
  const outcome = next();
  later();
  const end = outcome < 0.65 ? event('case-completed', { data: { data: {} } }) : outcome < 0.75 ? event('case-failed', { data: { reason: 'boom' } }) : outcome < 0.85 ? event('case-cancelled', { data: { reason: 'withdrawn' } }) : null;
  return { writes, end };
}

/** Every ended case of the process (of one version), read as GET /insights/report reads them, filtered as the route's query. */
async function ended(casemap: TestCasemap, filter: { version?: number; from?: string; to?: string; team?: string } = {}): Promise<CaseTrace[]> {
  const events = await definitionCaseLog(casemap.db, { definitionId: DEFINITION, ...(filter.version === undefined ? {} : { version: filter.version }) });
  const from = filter.from ? Date.parse(filter.from) : -Infinity;
  const to = filter.to ? Date.parse(filter.to) : Infinity;
  return buildTraces(events)
    .filter((trace) => trace.outcome !== 'open' && trace.startedAt >= from && trace.startedAt < to)
    .map((trace) => (filter.team === undefined ? trace : { ...trace, completions: trace.completions.filter((task) => task.team === filter.team) }));
}

const query = (filter: Record<string, string | number | undefined>) =>
  `?definitionId=${DEFINITION}${Object.entries(filter).map(([key, value]) => (value === undefined ? '' : `&${key}=${value}`)).join('')}`;

describe('the analytical store of a process\'s own case log', () => {
  let casemap: TestCasemap;
  let analyst: UserClient;
  const open: CaseLogEvent[] = [];
  let anEnded: { caseId: string; end: CaseLogEvent };

  const dfgOf = async (filter: Record<string, string | number | undefined> = {}) => (await analyst.get(`/api/insights/dfg${query(filter)}`).expect(200)).body as ProcessAggregatedDfg;
  const reportOf = async (filter: Record<string, string | number | undefined> = {}) => (await analyst.get(`/api/insights/variants${query({ maxVariants: 1000, maxReworkCases: 1000, ...filter })}`).expect(200)).body as AggregatedReport;
  const handoffsOf = async (filter: Record<string, string | number | undefined> = {}) => (await analyst.get(`/api/insights/handoffs${query(filter)}`).expect(200)).body as AggregatedHandoffs;
  const timeSplitOf = async (filter: Record<string, string | number | undefined> = {}) => (await analyst.get(`/api/insights/time-split${query(filter)}`).expect(200)).body as AggregatedTimeSplit;

  /** Every question, whole, by version, by days across a month boundary and within one, by team (and with both). */
  const expectAllSame = async () => {
    for (const version of [undefined, 1, 2]) {
      const named = { stepName: stepName(version) };
      expectSameDfg(await dfgOf({ version }), await ended(casemap, { ...(version ? { version } : {}) }), named);
      expectSameReport(await reportOf({ version }), await ended(casemap, { ...(version ? { version } : {}) }), undefined, named);
      expectSameHandoffs(await handoffsOf({ version }), await ended(casemap, { ...(version ? { version } : {}) }));
      expectSameTimeSplit(await timeSplitOf({ version }), await ended(casemap, { ...(version ? { version } : {}) }), named);
    }
    for (const [from, to] of [['2026-09-20', '2026-11-03'], ['2026-10-04', '2026-10-19'], [undefined, '2026-10-01'], ['2026-11-15', undefined]] as const) {
      const days = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      expectSameDfg(await dfgOf(days), await ended(casemap, days), { stepName: stepName() });
      expectSameDfg(await dfgOf({ ...days, version: 2 }), await ended(casemap, { ...days, version: 2 }), { stepName: stepName(2) });
      expectSameReport(await reportOf(days), await ended(casemap, days), undefined, { stepName: stepName() });
      expectSameHandoffs(await handoffsOf(days), await ended(casemap, days));
      expectSameTimeSplit(await timeSplitOf({ ...days, version: 1 }), await ended(casemap, { ...days, version: 1 }), { stepName: stepName(1) });
    }
    for (const team of TEAMS) {
      expectSameDfg(await dfgOf({ team }), await ended(casemap, { team }), { stepName: stepName() });
      expectSameDfg(await dfgOf({ team, version: 1, from: '2026-09-25', to: '2026-11-20' }), await ended(casemap, { team, version: 1, from: '2026-09-25', to: '2026-11-20' }), { stepName: stepName(1) });
    }
  };

  beforeAll(async () => {
    casemap = await startTestCasemap();
    const designer = await casemap.as('designer');
    const [priya, tom] = await Promise.all([casemap.as('priya'), casemap.as('tom')]);
    analyst = await casemap.as('analyst');
    const runCase = async (nationality: string) => {
      const started = await priya.post('/api/cases', { definitionId: DEFINITION, data: { nationality } }).expect(201);
      const caseId: string = started.body.caseId;
      const refer = (await priya.get(`/api/tasks?view=team&caseId=${caseId}`).expect(200)).body.items[0];
      await priya.post(`/api/tasks/${encodeURIComponent(refer.id)}/claim`).expect(200);
      await priya.post(`/api/tasks/${encodeURIComponent(refer.id)}/complete`, { data: { prisonNumber: `A${nationality}1BC`, sentenceMonths: 18 } }).expect(200);
      const decide = await eventually(() => tom.get(`/api/tasks?view=team&caseId=${caseId}`).then((r) => r.body.items[0]), (item) => item !== undefined);
      await tom.post(`/api/tasks/${encodeURIComponent(decide.id)}/claim`).expect(200);
      await tom.post(`/api/tasks/${encodeURIComponent(decide.id)}/complete`, { data: { decision: 'deport' } }).expect(200);
      await eventually(() => tom.get(`/api/cases/${caseId}/events`).then((r) => r.body.items as { kind: string }[]), (items) => items.some((e) => e.kind === 'case-completed'));
    };
    // Two versions of a deployed process, each with cases run to their end by the real engine.
    await designer.post('/api/definitions/deploy', { id: DEFINITION, xml: referralXml }).expect(201);
    await runCase('NG');
    await runCase('AL');
    await designer.post('/api/definitions/deploy', { id: DEFINITION, xml: referralXml.replace('name="Make deportation decision"', 'name="Decide on deportation"') }).expect(201);
    await runCase('JM');
    const third = referralXml.replace('name="Make deportation decision"', 'name="Decide whether to deport"').replace('name="Chase the prison for the referral"', 'name="Chase the prison"').replaceAll('Task_chase', 'Task_chase_prison');
    await designer.post('/api/definitions/deploy', { id: DEFINITION, xml: third }).expect(201);

    // Random cases through the projection path, each arriving in several writes.
    const next = mulberry32(20);
    for (let c = 0; c < 70; c += 1) {
      const caseId = `own-${c}`;
      const { writes, end } = randomCase(next, caseId, 1 + (c % 2));
      for (const write of writes) await appendCaseLogEvents(casemap.db, write);
      if (end) await appendCaseLogEvents(casemap.db, [end]);
      else open.push({ id: `${caseId}:999`, caseId, kind: 'case-completed', at: '2027-01-02T00:00:00.000Z', data: { data: {} } });
      if (end && !anEnded) anEnded = { caseId, end };
    }
  }, 240_000);
  afterAll(async () => {
    await casemap?.stop();
  });

  it('answers every question of the ended cases as the report computes them, whole, by version, by case-start days and by team', async () => {
    // Before any read (which would catch up): every ended case, the engine's too, was folded by the write that ended it.
    const folded = await casemap.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM insight_cases WHERE source = $1`, [definitionSource(DEFINITION)]);
    expect(folded[0]!.n).toBe((await ended(casemap)).length);
    expect((await ended(casemap)).length).toBeGreaterThan(40);
    expect((await ended(casemap, { version: 2 })).some((trace) => trace.caseId.startsWith('own-') === false)).toBe(true);
    expect((await reportOf({ version: 2 })).variants.variants.some((v) => v.activities.includes('Decide on deportation'))).toBe(true);
    await expectAllSame();
  }, 120_000);

  it('names each step as the diagram of the version asked does, and with no version as the latest version that names it', async () => {
    const names = async (version?: number) => {
      const dfg = await dfgOf({ version });
      const timeSplit = await timeSplitOf({ version });
      // The graph and waiting vs working name each step alike.
      expect(Object.fromEntries(timeSplit.elements.map((e) => [e.nodeId, e.name]))).toEqual(Object.fromEntries(dfg.activities.map((a) => [a.activity, a.name])));
      return Object.fromEntries(dfg.activities.map((a) => [a.activity, a.name]));
    };
    expect(await names(1)).toEqual({ ...VERSION_NAMES[1], Task_check: 'Task_check' });
    expect(await names(2)).toEqual({ ...VERSION_NAMES[2], Task_check: 'Task_check' });
    expect(await names()).toEqual({ ...EVERY_VERSION_NAMES, Task_check: 'Task_check' });
    // Version 3 runs no case: nothing to name.
    expect((await dfgOf({ version: 3 })).activities).toEqual([]);
    const loops = (await reportOf({ version: 2 })).rework.loops;
    expect(loops.find((loop) => loop.to === 'Task_decide')).toMatchObject({ toName: 'Decide on deportation' });
  });

  it('folds a case when it ends later, and leaves open cases out until then', async () => {
    const before = (await reportOf()).cases;
    for (const end of open.slice(0, 4)) await appendCaseLogEvents(casemap.db, [end]);
    expect((await reportOf()).cases).toBe(before + Math.min(4, open.length));
    await expectAllSame();
  }, 120_000);

  it('never folds a case twice: a repeated end, a fold of a folded case, two catch-ups, a crashed fold', async () => {
    const before = await dfgOf();
    expect(await appendCaseLogEvents(casemap.db, [anEnded.end])).toEqual({ inserted: 0, skipped: 1 });
    expect(await casemap.db.transaction((tx) => foldEndedCase(tx, anEnded.caseId))).toBe(false);
    expect(await catchUpCaseLogFolds(casemap.db)).toBe(0);
    expect(await catchUpCaseLogFolds(casemap.db, DEFINITION)).toBe(0);
    expect(await dfgOf()).toEqual(before);

    // The state before migration 020: ended cases, no aggregates. A fold that dies mid-way leaves nothing behind.
    await casemap.db.transaction((tx) => deleteInsightAggregates(tx, definitionSource(DEFINITION)));
    await expect(casemap.db.transaction(async (tx) => {
      expect(await foldEndedCase(tx, anEnded.caseId)).toBe(true);
      throw new Error('the process died here');
    })).rejects.toThrow('the process died here');
    // The first read catches up every ended case once; later catch-ups find nothing to fold.
    await expectAllSame();
    expect(await catchUpCaseLogFolds(casemap.db)).toBe(0);
    expect(await catchUpCaseLogFolds(casemap.db)).toBe(0);
    expect(await dfgOf()).toEqual(before);
    await expectAllSame();
  }, 120_000);

  it('answers 404 for a process or version not deployed, and only analysts may read', async () => {
    await analyst.get('/api/insights/dfg?definitionId=not-deployed').expect(404);
    await analyst.get(`/api/insights/handoffs?definitionId=${DEFINITION}&version=9`).expect(404);
    await analyst.get(`/api/insights/dfg?definitionId=${DEFINITION}&from=2026-10-01T00:00:00Z`).expect(400);
    const tom = await casemap.as('tom');
    await tom.get(`/api/insights/dfg?definitionId=${DEFINITION}`).expect(403);
  });

  it('ends a case whose fold fails, and folds it at the next catch-up', async () => {
    await casemap.db.query(`ALTER TABLE insight_edges ADD CONSTRAINT no_boom CHECK (to_activity <> 'Task_boom')`);
    const caseId = 'own-boom';
    const at = (minute: number) => `2026-10-20T09:${String(minute).padStart(2, '0')}:00.000Z`;
    const events: CaseLogEvent[] = [
      { id: `${caseId}:1`, caseId, kind: 'case-started', at: at(0), team: 'fno-returns', data: { definitionId: DEFINITION, version: 1, workflowId: `wf-${caseId}`, data: {} } },
      ...['Task_refer', 'Task_boom'].flatMap((nodeId, i): CaseLogEvent[] => [
        { id: `${caseId}:${2 + 2 * i}`, caseId, kind: 'task-ready', at: at(1 + 2 * i), nodeId, taskId: `t${i}`, team: 'fno-returns', task: { name: nodeId, team: 'fno-returns', form: [], priority: 0 }, data: {} },
        { id: `${caseId}:${3 + 2 * i}`, caseId, kind: 'task-completed', at: at(2 + 2 * i), nodeId, taskId: `t${i}`, team: 'fno-returns', data: {} },
      ]),
      { id: `${caseId}:6`, caseId, kind: 'case-completed', at: at(9), data: { data: {} } },
    ];
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => void warnings.push(message);
    try {
      expect(await appendCaseLogEvents(casemap.db, events)).toEqual({ inserted: 6, skipped: 0 });
    } finally {
      console.warn = warn;
      await casemap.db.query('ALTER TABLE insight_edges DROP CONSTRAINT no_boom');
    }
    expect(warnings).toEqual([expect.stringContaining(`Case ${caseId} ended without its insight fold`)]);
    expect((await casemap.db.query(`SELECT status FROM cases WHERE id = $1`, [caseId]))[0]).toEqual({ status: 'completed' });
    expect((await dfgOf()).edges.some((edge) => edge.to === 'Task_boom')).toBe(false);
    expect(await catchUpCaseLogFolds(casemap.db)).toBe(1);
    expect((await dfgOf()).edges.some((edge) => edge.to === 'Task_boom')).toBe(true);
    await expectAllSame();
  }, 120_000);
});
