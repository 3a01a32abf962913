// Findings 1, 9 and 10 of the outside attack (issue #14), replayed with the same requests: a lead
// cancelling another team's case, reassigning anywhere, sight that never ended, unchecked starts.
// Each now meets the access policy (api/access/) and changes nothing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const barrierXml = readFileSync(new URL('../fixtures/returns-to-barrier-clearance.bpmn', import.meta.url), 'utf8');
const assessmentXml = readFileSync(new URL('../fixtures/one-lane-assessment.bpmn', import.meta.url), 'utf8');
/** The same assessment, but the process names barrier clearance as the team that starts it. */
const startedByBarrierXml = assessmentXml.replace('isExecutable="true">', 'isExecutable="true" casework:starters="barrier-clearance">');

describe('case and task access (attack findings 1, 9, 10)', () => {
  let casemap: TestCasemap;
  let tom: UserClient;
  let lena: UserClient;
  let bilal: UserClient;
  let admin: UserClient;
  let handedOn: { caseId: string; clearTask: string };

  const caseStatus = async (caseId: string) => (await casemap.db.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [caseId]))[0]?.status;
  const taskRow = async (taskId: string) => (await casemap.db.query<{ team: string; assignee: string | null; status: string }>('SELECT team, assignee, status FROM tasks WHERE id = $1', [taskId]))[0];

  beforeAll(async () => {
    casemap = await startTestCasemap();
    tom = await casemap.as('tom');
    lena = await casemap.as('lena');
    bilal = await casemap.as('bilal');
    admin = await casemap.as('admin');
    const designer = await casemap.as('designer');
    await designer.post('/api/definitions/deploy', { id: 'barrier', xml: barrierXml }).expect(201);
    await designer.post('/api/definitions/deploy', { id: 'assessment', xml: assessmentXml }).expect(201);
    await designer.post('/api/definitions/deploy', { id: 'started-by-barrier', xml: startedByBarrierXml }).expect(201);
    // FNO Returns reviews the case and hands it to barrier clearance.
    const started = await tom.post('/api/cases', { definitionId: 'barrier', data: { prisonNumber: 'A1234BC' } }).expect(201);
    const reviewTask = `${started.body.caseId}:${started.body.next.opened[0].taskId}`;
    await tom.post(`/api/tasks/${reviewTask}/claim`).expect(200);
    const reviewed = await tom.post(`/api/tasks/${reviewTask}/complete`, { data: { claimLodged: true } }).expect(200);
    handedOn = { caseId: started.body.caseId, clearTask: `${started.body.caseId}:${reviewed.body.next.opened[0].taskId}` };
    await eventually(
      () => taskRow(handedOn.clearTask),
      (row) => row?.team === 'barrier-clearance',
    );
    await eventually(
      () => casemap.db.query<{ owner: string }>('SELECT owner_team AS owner FROM cases WHERE id = $1', [handedOn.caseId]),
      (rows) => rows[0]?.owner === 'barrier-clearance',
    );
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  it("1. refuses a lead's cancel of a case their team handed on to another team (404), and the case runs on", async () => {
    const response = await lena.post(`/api/cases/${handedOn.caseId}/cancel`, { reason: 'Not ours any more' });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('not-found');
    expect(await caseStatus(handedOn.caseId)).toBe('running');
  });

  it("9. refuses a reassignment to a person of another team, naming toUser, and the task stays where it was", async () => {
    const started = await tom.post('/api/cases', { definitionId: 'assessment', data: {} }).expect(201);
    const taskId = `${started.body.caseId}:${started.body.next.opened[0].taskId}`;
    const before = await taskRow(taskId);
    const toBilal = await lena.post(`/api/tasks/${taskId}/reassign`, { toUser: 'bilal' });
    expect(toBilal.status).toBe(400);
    expect(toBilal.body.issues).toEqual([expect.objectContaining({ field: 'body.toUser' })]);
    const toNowhere = await lena.post(`/api/tasks/${taskId}/reassign`, { toTeam: 'no-such-team' });
    expect(toNowhere.status).toBe(400);
    expect(toNowhere.body.issues).toEqual([expect.objectContaining({ field: 'body.toTeam' })]);
    const bilalWithNewTeam = await lena.post(`/api/tasks/${taskId}/reassign`, { toTeam: 'barrier-clearance', toUser: 'tom' });
    expect(bilalWithNewTeam.status).toBe(400);
    expect(bilalWithNewTeam.body.issues).toEqual([expect.objectContaining({ field: 'body.toUser' })]);
    expect(await taskRow(taskId)).toEqual(before);
    // The same lead may still reassign within the team, and to another team's member with that team.
    await lena.post(`/api/tasks/${taskId}/reassign`, { toTeam: 'barrier-clearance', toUser: 'bilal' }).expect(200);
    await eventually(
      () => taskRow(taskId),
      (row) => row?.team === 'barrier-clearance' && row.assignee === 'bilal',
    );
  });

  it('10. gives the past team a summary only: no data, no live state, none of the next team’s tasks or events', async () => {
    const page = await tom.get(`/api/cases/${handedOn.caseId}`).expect(200);
    expect(page.body.access).toBe('summary');
    expect(page.body.case).toMatchObject({ id: handedOn.caseId, ownerTeam: 'barrier-clearance', data: {}, ownerUser: null });
    expect(page.body.live).toBeNull();
    expect(page.body.tasks.map((task: { team: string }) => task.team)).toEqual(['fno-returns']);
    const teams = new Set(page.body.timeline.map((event: { team: string | null }) => event.team));
    expect([...teams]).toEqual(['fno-returns']);
    const events = await tom.get(`/api/cases/${handedOn.caseId}/events`).expect(200);
    expect(events.body.items.every((event: { team: string | null }) => event.team === 'fno-returns')).toBe(true);
    const found = await tom.get('/api/cases?definitionId=barrier').expect(200);
    expect(found.body.items).toEqual([expect.objectContaining({ id: handedOn.caseId, access: 'summary', data: {} })]);
    const byData = await tom.get('/api/cases?data=prisonNumber:eq:A1234BC').expect(200);
    expect(byData.body.items).toEqual([]);
    const owner = await bilal.get(`/api/cases/${handedOn.caseId}`).expect(200);
    expect(owner.body.access).toBe('full');
    expect(owner.body.case.data).toMatchObject({ prisonNumber: 'A1234BC', claimLodged: true });
  });

  it("10. refuses a start of another team's process (403) and starts nothing; the named starting team may", async () => {
    const count = async () => (await casemap.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0]!.n;
    const before = await count();
    const asBilal = await bilal.post('/api/cases', { definitionId: 'assessment', data: {} });
    expect(asBilal.status).toBe(403);
    expect(asBilal.body.code).toBe('forbidden');
    const asTom = await tom.post('/api/cases', { definitionId: 'started-by-barrier', data: {} });
    expect(asTom.status).toBe(403);
    expect(await count()).toBe(before);
    await bilal.post('/api/cases', { definitionId: 'started-by-barrier', data: {} }).expect(201);
    await admin.post('/api/cases', { definitionId: 'assessment', data: {} }).expect(201);
    expect(await count()).toBe(before + 2);
  });

  it('10. refuses data on a start without a start form, and data beyond the start form, naming each field', async () => {
    const count = async () => (await casemap.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0]!.n;
    const before = await count();
    const seeded = await tom.post('/api/cases', { definitionId: 'assessment', data: { decision: 'deport' } });
    expect(seeded.status).toBe(422);
    expect(seeded.body.issues).toEqual([expect.objectContaining({ field: 'decision' })]);
    const beyond = await tom.post('/api/cases', { definitionId: 'barrier', data: { prisonNumber: 'A1', claimLodged: false } });
    expect(beyond.status).toBe(422);
    expect(JSON.stringify(beyond.body.issues)).toContain('claimLodged');
    expect(await count()).toBe(before);
  });
});
