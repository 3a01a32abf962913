// Many caseworkers and a lead acting on the same task at the same moment, through the API
// (issue #9.3): claims have exactly one winner, losers get a 409 naming the conflict, and whatever
// won is written exactly once to history, the event log and the task record; nothing half-written.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { caseViewQuery, workflowIdForCase } from '../../workflows/case-api.ts';
import { startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const assessmentXml = readFileSync(new URL('../fixtures/one-lane-assessment.bpmn', import.meta.url), 'utf8');
const ROUNDS = 4;
const EACH = 4;

describe('concurrent claims, reassignments and completions of one task', () => {
  let casemap: TestCasemap;
  let tom: UserClient;
  let lena: UserClient;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    await (await casemap.as('designer')).post('/api/definitions/deploy', { id: 'assessment', xml: assessmentXml }).expect(201);
    tom = await casemap.as('tom');
    lena = await casemap.as('lena');
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  async function openTask(): Promise<{ caseId: string; taskId: string; path: string }> {
    const started = await tom.post('/api/cases', { definitionId: 'assessment', data: {} }).expect(201);
    const caseId = started.body.caseId as string;
    const taskId = `${caseId}:${started.body.next.opened[0].taskId}`;
    return { caseId, taskId, path: `/api/tasks/${encodeURIComponent(taskId)}` };
  }

  /** Updates of one name that the workflow accepted: a refused Update leaves no trace in history. */
  async function acceptedUpdates(caseId: string, name: string): Promise<number> {
    const events = (await casemap.client.workflow.getHandle(workflowIdForCase(caseId)).fetchHistory()).events ?? [];
    return events.filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === name).length;
  }

  /** The Updates the workflow accepted, in the order it applied them, with their arguments. */
  async function acceptedInOrder(caseId: string): Promise<{ name: string; input: Record<string, unknown> }[]> {
    const events = (await casemap.client.workflow.getHandle(workflowIdForCase(caseId)).fetchHistory()).events ?? [];
    return events.flatMap((event) => {
      const request = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input;
      const argument = request?.args?.payloads?.[0];
      return request?.name ? [{ name: request.name, input: argument ? defaultPayloadConverter.fromPayload<Record<string, unknown>>(argument as Payload) : {} }] : [];
    });
  }

  async function logged(caseId: string, kind: string) {
    return await casemap.db.query<{ actor: string; data: Record<string, unknown> }>('SELECT actor, data FROM events WHERE case_id = $1 AND kind = $2 ORDER BY seq', [caseId, kind]);
  }

  async function liveTask(caseId: string) {
    return (await casemap.client.workflow.getHandle(workflowIdForCase(caseId)).query(caseViewQuery)).tasks[0]!;
  }

  it('lets exactly one of many simultaneous claims by a caseworker and a lead win', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { caseId, taskId, path } = await openTask();
      const claimants = Array.from({ length: EACH }, (_, i) => [tom, lena][i % 2]!);

      const replies = await Promise.all(claimants.map((client) => client.post(`${path}/claim`)));

      const winners = replies.flatMap((reply, i) => (reply.status === 200 ? [claimants[i] === tom ? 'tom' : 'lena'] : []));
      expect(winners).toHaveLength(1);
      for (const loser of replies.filter((reply) => reply.status !== 200)) {
        expect(loser.status).toBe(409);
        expect(loser.body.code).toBe('task-already-claimed');
      }
      expect(await acceptedUpdates(caseId, 'claimTask')).toBe(1);
      expect((await logged(caseId, 'task-claimed')).map((event) => event.actor)).toEqual(winners);
      const task = await tom.get(`${path}`).expect(200);
      expect(task.body).toMatchObject({ id: taskId, status: 'claimed', assignee: winners[0] });
      expect((await liveTask(caseId)).claimedBy).toBe(winners[0]);
    }
  });

  it('applies every reassignment racing claims exactly once, and the task ends where the last one put it', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { caseId, path } = await openTask();
      const targets = Array.from({ length: EACH }, (_, i) => (i % 2 ? 'tom' : 'lena'));

      const reassigns = targets.map((toUser) => lena.post(`${path}/reassign`, { toUser }));
      const claims = Array.from({ length: EACH }, () => tom.post(`${path}/claim`));
      const [reassigned, claimed] = await Promise.all([Promise.all(reassigns), Promise.all(claims)]);

      // A lead may always reassign; a claim wins only while nobody holds the task, so only if the
      // workflow applied it before every reassignment — and then exactly one claim wins.
      expect(reassigned.map((reply) => reply.status)).toEqual(targets.map(() => 200));
      const applied = await acceptedInOrder(caseId);
      const raced = applied.filter((update) => update.name === 'reassignTask' || update.name === 'claimTask');
      const claimFirst = raced[0]?.name === 'claimTask';
      expect(raced.map((update) => update.name)).toEqual([...(claimFirst ? ['claimTask'] : []), ...targets.map(() => 'reassignTask')]);
      expect(claimed.filter((reply) => reply.status === 200)).toHaveLength(claimFirst ? 1 : 0);
      for (const loser of claimed.filter((reply) => reply.status !== 200)) {
        expect(loser.status).toBe(409);
        expect(loser.body.code).toBe('task-already-claimed');
      }
      // Each applied write is logged once, in the order the workflow applied it.
      const reassignOrder = raced.filter((update) => update.name === 'reassignTask').map((update) => update.input.toUser);
      expect([...reassignOrder].sort()).toEqual([...targets].sort());
      expect((await logged(caseId, 'task-reassigned')).map((event) => event.data.toUser)).toEqual(reassignOrder);
      expect((await logged(caseId, 'task-claimed')).map((event) => event.actor)).toEqual(claimFirst ? ['tom'] : []);
      // The task record and the live workflow state hold the last reassignment's person.
      const last = reassignOrder.at(-1);
      expect((await liveTask(caseId)).claimedBy).toBe(last);
      const record = await lena.get(path).expect(200);
      expect(record.body).toMatchObject({ status: 'claimed', assignee: last });
    }
  });

  it('accepts exactly one of many simultaneous completions with different data', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { caseId, taskId, path } = await openTask();
      await tom.post(`${path}/claim`).expect(200);
      const decisions = Array.from({ length: EACH }, (_, i) => (i % 2 ? 'deport' : 'do-not-deport'));

      const replies = await Promise.all(decisions.map((decision) => tom.post(`${path}/complete`, { data: { decision } })));

      const winners = decisions.filter((_, i) => replies[i]!.status === 200);
      expect(winners).toHaveLength(1);
      for (const loser of replies.filter((reply) => reply.status !== 200)) {
        expect(loser.status).toBe(409);
        expect(loser.body.code).toBe('task-not-open');
      }
      expect(await acceptedUpdates(caseId, 'completeTask')).toBe(1);
      const completions = await logged(caseId, 'task-completed');
      expect(completions.map((event) => event.data)).toEqual([{ decision: winners[0] }]);
      const detail = await tom.get(`/api/cases/${caseId}`).expect(200);
      expect(detail.body.live.data.decision).toBe(winners[0]);
      expect(detail.body.case.data.decision).toBe(winners[0]);
      expect(detail.body.case.status).toBe('completed');
      expect(detail.body.tasks).toEqual([expect.objectContaining({ id: taskId, status: 'completed', assignee: 'tom' })]);
      const refused = await casemap.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit WHERE action = 'task.complete' AND outcome = 'refused' AND target LIKE $1", [`${caseId}:%`]);
      expect(refused[0]!.n).toBe(EACH - 1);
    }
  });
});
