// The walking skeleton: a diagram deployed through the API runs as a real Temporal workflow, a
// case passes between two teams' inboxes, and every step lands in the event log exactly once.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCasemap, eventually, type TestCasemap, type UserClient } from './support/test-casemap.ts';

const referralXml = readFileSync(new URL('./fixtures/two-lane-referral.bpmn', import.meta.url), 'utf8');

describe('a case through two teams on a real Temporal server', () => {
  let casemap: TestCasemap;
  let designer: UserClient;
  let priya: UserClient;
  let tom: UserClient;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    [designer, priya, tom] = await Promise.all([casemap.as('designer'), casemap.as('priya'), casemap.as('tom')]);
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  it('runs from deploy to the end of the case, with every step in the event log', async () => {
    // given a deployed two-lane process
    const deployed = await designer.post('/api/definitions/deploy', { id: 'fno-referral', xml: referralXml, note: 'first version' }).expect(201);
    expect(deployed.body).toMatchObject({ definitionId: 'fno-referral', version: 1, created: true });

    // when the prison caseworker starts a case
    const started = await priya.post('/api/cases', { definitionId: 'fno-referral', data: { nationality: 'NG' } }).expect(201);
    const caseId: string = started.body.caseId;
    expect(started.body.next.opened.map((task: { name: string }) => task.name)).toEqual(['Refer case to FNO Returns']);

    // then the first task waits in the prison team's queue, and only there
    const queue = await priya.get('/api/tasks?view=team').expect(200);
    const referTask = queue.body.items.find((task: { caseId: string }) => task.caseId === caseId);
    expect(referTask).toMatchObject({ name: 'Refer case to FNO Returns', team: 'prison-casework', status: 'open' });
    expect(referTask.dueAt).toBeTruthy();
    const otherTeamQueue = await tom.get('/api/tasks?view=team').expect(200);
    expect(otherTeamQueue.body.items.some((task: { caseId: string }) => task.caseId === caseId)).toBe(false);
    await tom.get(`/api/tasks/${encodeURIComponent(referTask.id)}`).expect(404);
    await tom.post(`/api/tasks/${encodeURIComponent(referTask.id)}/claim`).expect(404);

    // when she claims it and submits an invalid form, nothing changes
    await priya.post(`/api/tasks/${encodeURIComponent(referTask.id)}/claim`).expect(200);
    const invalid = await priya.post(`/api/tasks/${encodeURIComponent(referTask.id)}/complete`, { data: { prisonNumber: 'A1234BC', sentenceMonths: 'eighteen' } }).expect(422);
    expect(invalid.body).toMatchObject({ code: 'invalid-form-data' });
    expect(invalid.body.issues.map((issue: { field: string }) => issue.field)).toEqual(['sentenceMonths']);

    // and completes it properly: the case is handed to FNO Returns
    const referred = await priya.post(`/api/tasks/${encodeURIComponent(referTask.id)}/complete`, { data: { prisonNumber: 'A1234BC', sentenceMonths: 18 } }).expect(200);
    expect(referred.body.next).toMatchObject({ status: 'running', ownerTeam: 'fno-returns' });
    expect(referred.body.next.opened).toEqual([expect.objectContaining({ name: 'Make deportation decision', team: 'fno-returns', handoff: expect.objectContaining({ fromTeam: 'prison-casework', toTeam: 'fno-returns' }) })]);

    // then the decision waits in FNO Returns' queue as a handoff
    const returnsQueue = await tom.get('/api/tasks?view=team').expect(200);
    const decideTask = returnsQueue.body.items.find((task: { caseId: string }) => task.caseId === caseId);
    expect(decideTask).toMatchObject({ name: 'Make deportation decision', handoffFrom: 'prison-casework', status: 'open' });
    expect(decideTask.acceptBy).toBeTruthy();

    // when the FNO Returns caseworker claims (accepting the handoff) and decides
    await tom.post(`/api/tasks/${encodeURIComponent(decideTask.id)}/claim`).expect(200);
    const decided = await tom.post(`/api/tasks/${encodeURIComponent(decideTask.id)}/complete`, { data: { decision: 'deport' } }).expect(200);
    expect(decided.body.next).toMatchObject({ status: 'completed', opened: [] });

    // then the case has ended, with its data and its full timeline
    const detail = await eventually(
      () => tom.get(`/api/cases/${caseId}`).then((response) => response.body),
      (body) => body.case?.status === 'completed',
    );
    expect(detail.case).toMatchObject({ status: 'completed', ownerTeam: 'fno-returns', data: expect.objectContaining({ nationality: 'NG', prisonNumber: 'A1234BC', sentenceMonths: 18, decision: 'deport' }) });
    const kinds: string[] = detail.timeline.map((event: { kind: string }) => event.kind).filter((kind: string) => !kind.startsWith('element-'));
    expect(kinds).toEqual([
      'case-started',
      'ownership-changed',
      'task-ready',
      'task-claimed',
      'task-completed',
      'ownership-changed',
      'task-ready',
      'task-claimed',
      'handoff-accepted',
      'task-completed',
      'case-completed',
    ]);
    const ids = detail.timeline.map((event: { id: string }) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(detail.ownership.filter((event: { kind: string }) => event.kind === 'ownership-changed').map((event: { team: string }) => event.team)).toEqual(['prison-casework', 'fno-returns']);
  });

  it('fires the boundary timer when the referral stalls, moving the case to the chase step', async () => {
    // given the same process with a two-second stall timer
    const quickXml = referralXml.replace('<bpmn:timeDuration>PT1H</bpmn:timeDuration>', '<bpmn:timeDuration>PT2S</bpmn:timeDuration>');
    await designer.post('/api/definitions/deploy', { id: 'fno-referral-quick', xml: quickXml }).expect(201);

    // when a case starts and nobody refers it
    const started = await priya.post('/api/cases', { definitionId: 'fno-referral-quick', data: {} }).expect(201);
    const caseId: string = started.body.caseId;

    // then the timer cancels the referral and FNO Returns must chase the prison
    const chase = await eventually(
      () => tom.get(`/api/tasks?view=team&caseId=${caseId}`).then((response) => response.body.items),
      (items: { name: string }[]) => items.length === 1,
    );
    expect(chase[0]).toMatchObject({ name: 'Chase the prison for the referral', team: 'fno-returns' });
    const priyaQueue = await priya.get(`/api/tasks?view=team&caseId=${caseId}`).expect(200);
    expect(priyaQueue.body.items).toEqual([]);
    const events = await tom.get(`/api/cases/${caseId}/events`).expect(200);
    const kinds = events.body.items.map((event: { kind: string }) => event.kind);
    expect(kinds).toContain('timer-fired');
    expect(kinds).toContain('task-cancelled');
    expect(kinds.indexOf('timer-fired')).toBeLessThan(kinds.lastIndexOf('task-ready'));
  });
});
