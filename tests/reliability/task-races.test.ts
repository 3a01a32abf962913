// Many caseworkers and a lead acting on the same task at the same moment, through the API
// (issue #9.3): claims have exactly one winner, losers get a 409 naming the conflict, and whatever
// won is written exactly once to history, the event log and the task record; nothing half-written.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  async function logged(caseId: string, kind: string) {
    return (await casemap.db.query<{ actor: string; data: Record<string, unknown> }>('SELECT actor, data FROM events WHERE case_id = $1 AND kind = $2', [caseId, kind]));
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
    }
  });

  it('applies every reassignment racing claims exactly once, and the task ends where the last one put it', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { caseId, path } = await openTask();

      const reassigns = Array.from({ length: EACH }, (_, i) => lena.post(`${path}/reassign`, { toUser: i % 2 ? 'tom' : 'lena' }));
      const claims = Array.from({ length: EACH }, () => tom.post(`${path}/claim`));
      const [reassigned, claimed] = await Promise.all([Promise.all(reassigns), Promise.all(claims)]);

      for (const reply of [...reassigned, ...claimed]) expect([200, 409]).toContain(reply.status);
      const reassignWins = reassigned.filter((reply) => reply.status === 200).length;
      const claimWins = claimed.filter((reply) => reply.status === 200).length;
      // A lead may always reassign; a claim wins only while nobody holds the task.
      expect(reassignWins).toBe(EACH);
      expect(claimWins).toBeLessThanOrEqual(1);
      expect(await acceptedUpdates(caseId, 'reassignTask')).toBe(reassignWins);
      expect(await acceptedUpdates(caseId, 'claimTask')).toBe(claimWins);
      expect(await logged(caseId, 'task-reassigned')).toHaveLength(reassignWins);
      expect(await logged(caseId, 'task-claimed')).toHaveLength(claimWins);
      // The task record, the live workflow state and the last write agree.
      const live = (await casemap.client.workflow.getHandle(workflowIdForCase(caseId)).query(caseViewQuery)).tasks[0]!;
      const record = await lena.get(path).expect(200);
      expect(record.body.assignee).toBe(live.claimedBy ?? live.assignee ?? null);
    }
  });

  it('accepts exactly one of many simultaneous completions with different data', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { caseId, path } = await openTask();
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
      expect(detail.body.live?.data?.decision ?? detail.body.case?.data?.decision).toBe(winners[0]);
      const refused = await casemap.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit WHERE action = 'task.complete' AND outcome = 'refused' AND target LIKE $1", [`${caseId}:%`]);
      expect(refused[0]!.n).toBe(EACH - 1);
    }
  });
});
