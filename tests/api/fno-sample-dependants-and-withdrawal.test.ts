// The FNO sample's per-dependant check and withdrawal on the real stack: the dependants named at case
// creation each get a check task ("1 of 2 done" in the inbox), a case without dependants goes
// straight to the decision, and the message "Case withdrawn" cancels what is open and closes the case.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySampleLibrary } from '../../runtime/sample-library.ts';
import { issueApiKey, sendMessage } from '../support/message-processes.ts';
import { eventually, startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const FNO = 'fno-returns-casework';
const DAY = 86_400_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

interface OpenedTask {
  taskId: string;
  nodeId: string;
}

interface InboxTask {
  id: string;
  caseId: string;
  nodeId: string;
  status: string;
  instance?: { index: number; count: number; completed: number } | null;
}

describe('the FNO sample checking each dependant and taking a withdrawal at any time', () => {
  let casemap: TestCasemap;
  let priya: UserClient;
  let tom: UserClient;
  let analyst: UserClient;
  let sendKey: string;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    const deployed = await deploySampleLibrary(casemap.db, fileURLToPath(new URL('../../processes', import.meta.url)));
    expect(deployed.flatMap((sample) => sample.errors)).toEqual([]);
    const admin = await casemap.as('admin');
    sendKey = (await issueApiKey(admin, 'case withdrawal service', ['messages:send'])).key;
    [priya, tom, analyst] = await Promise.all([casemap.as('priya'), casemap.as('tom'), casemap.as('analyst')]);
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  /** Claims and completes the open task of `caseId` at `nodeId`, as `user`; answers the tasks opened next. */
  async function work(user: UserClient, caseId: string, opened: OpenedTask[], nodeId: string, data: Record<string, unknown>): Promise<OpenedTask[]> {
    const task = opened.find((candidate) => candidate.nodeId === nodeId);
    expect(task, `${nodeId} is open`).toBeDefined();
    const path = `/api/tasks/${encodeURIComponent(`${caseId}:${task!.taskId}`)}`;
    await user.post(`${path}/claim`).expect(200);
    const completed = await user.post(`${path}/complete`, { data }).expect(200);
    return completed.body.next.opened as OpenedTask[];
  }

  /** Runs a case from the prison referral through case creation, naming these dependants; answers the tasks opened next. */
  async function referAndCreate(reference: string, dependantNames: string) {
    const started = await priya.post('/api/cases', { definitionId: FNO, data: {} }).expect(201);
    const caseId: string = started.body.caseId;
    const sentence = { sentenceLengthMonths: 30, conditionalReleaseDate: dateIn(600), ersEligibilityDate: dateIn(400) };
    let opened = await work(priya, caseId, started.body.next.opened, 'Task_refer', { prisonNumber: 'A1234BC', surname: 'Doe', givenNames: 'Sam', dateOfBirth: '1990-01-01', nationality: 'Exampleland', ...sentence });
    opened = await work(priya, caseId, opened, 'Task_prison_identity', { nationality: 'Exampleland', identityEvidence: 'valid-passport', nationalityConfirmed: true });
    opened = await work(priya, caseId, opened, 'Task_referral_risk', { violenceRisk: 'low', selfHarmRisk: false, disruptionHistory: false });
    opened = await work(tom, caseId, opened, 'Task_create_case', { caseReference: reference, caseOwner: 'tom', dependantNames, ...sentence });
    return { caseId, opened };
  }

  const inboxOf = async (caseId: string) => ((await tom.get('/api/tasks?view=team').expect(200)).body.items as InboxTask[]).filter((task) => task.caseId === caseId);
  const caseDetail = (caseId: string) => analyst.get(`/api/cases/${caseId}`).expect(200).then((response) => response.body);

  it('opens one check per dependant, counts the ones done, and gathers them before the deportation decision', async () => {
    // given a case whose owner names two dependants at case creation
    const { caseId } = await referAndCreate('FNO-DEP-2', 'Amara Doe, Leon Doe');

    // then two checks open at once, each saying which of two it is
    const checks = await eventually(() => inboxOf(caseId), (tasks) => tasks.length === 2);
    expect(checks.map((task) => [task.nodeId, task.instance])).toEqual([
      ['Task_check_dependant', { index: 1, count: 2, completed: 0 }],
      ['Task_check_dependant', { index: 2, count: 2, completed: 0 }],
    ]);

    // when the second dependant's check is done, the other says "1 of 2 done"
    const check = (relationship: string) => ({ dependantRelationship: relationship, dependantSettledInUk: true, familyImpact: `Impact on the ${relationship}` });
    const [first, second] = checks as [InboxTask, InboxTask];
    await tom.post(`/api/tasks/${encodeURIComponent(second.id)}/claim`).expect(200);
    await tom.post(`/api/tasks/${encodeURIComponent(second.id)}/complete`, { data: check('partner') }).expect(200);
    const left = await eventually(() => inboxOf(caseId), (tasks) => tasks.length === 1 && tasks[0]?.instance?.completed === 1);
    expect(left.map((task) => [task.id, task.instance])).toEqual([[first.id, { index: 1, count: 2, completed: 1 }]]);

    // and when the first is done too, the decision opens with both checks gathered in dependant order
    await tom.post(`/api/tasks/${encodeURIComponent(first.id)}/claim`).expect(200);
    await tom.post(`/api/tasks/${encodeURIComponent(first.id)}/complete`, { data: check('child') }).expect(200);
    const decision = await eventually(() => inboxOf(caseId), (tasks) => tasks.some((task) => task.nodeId === 'Task_decide'));
    expect(decision.map((task) => task.nodeId)).toEqual(['Task_decide']);
    const detail = await eventually(() => caseDetail(caseId), (body) => Array.isArray(body.live?.data?.dependantChecks));
    expect(detail.live.data.dependants).toEqual(['Amara Doe', 'Leon Doe']);
    expect(detail.live.data.dependantChecks).toEqual([
      { dependant: 'Amara Doe', relationship: 'child', settledInUk: true, impact: 'Impact on the child' },
      { dependant: 'Leon Doe', relationship: 'partner', settledInUk: true, impact: 'Impact on the partner' },
    ]);
  });

  it('goes straight to the deportation decision when no dependant is named', async () => {
    const { opened } = await referAndCreate('FNO-DEP-0', '');
    expect(opened.map((task) => task.nodeId)).toEqual(['Task_decide']);
  });

  it('cancels every open task when the case is withdrawn, records why and closes the case', async () => {
    // given a case past its deportation decision, with barrier clearance and re-documentation open
    const { caseId, opened } = await referAndCreate('FNO-WD-1', '');
    const split = await work(tom, caseId, opened, 'Task_decide', { deportationDecision: 'deport', decisionReasons: 'Sentence of 30 months' });
    expect(split.map((task) => task.nodeId).sort()).toEqual(['Task_barrier_check', 'Task_redoc_identity']);
    await eventually(() => casemap.db.query('SELECT 1 FROM message_subscriptions WHERE case_id = $1 AND message_name = $2', [caseId, 'Case withdrawn']), (rows) => rows.length === 1);

    // when the message "Case withdrawn" arrives for its reference
    const sent = await sendMessage(casemap, sendKey, { messageId: 'withdraw-1', messageName: 'Case withdrawn', correlationKey: 'FNO-WD-1', data: {} }).expect(202);
    expect(sent.body).toMatchObject({ status: 'delivered', caseIds: [caseId] });

    // then both open tasks are cancelled and the case owner is asked to record the withdrawal
    const afterWithdrawal = await eventually(
      () => caseDetail(caseId),
      (body) => (body.tasks as InboxTask[]).some((task) => task.nodeId === 'Task_record_withdrawal' && task.status === 'open'),
    );
    const statusOf = (nodeId: string) => (afterWithdrawal.tasks as InboxTask[]).filter((task) => task.nodeId === nodeId).map((task) => task.status);
    expect(statusOf('Task_barrier_check')).toEqual(['cancelled']);
    expect(statusOf('Task_redoc_identity')).toEqual(['cancelled']);
    expect((await inboxOf(caseId)).map((task) => task.nodeId)).toEqual(['Task_record_withdrawal']);

    // and once it is recorded the case ends at "Case withdrawn: closed", with the reason kept
    const record = (await inboxOf(caseId))[0]!;
    await tom.post(`/api/tasks/${encodeURIComponent(record.id)}/claim`).expect(200);
    await tom.post(`/api/tasks/${encodeURIComponent(record.id)}/complete`, { data: { withdrawalReason: 'Left the UK voluntarily' } }).expect(200);
    const closed = await eventually(() => caseDetail(caseId), (body) => body.case?.status === 'completed');
    expect(closed.case.data.withdrawalReason).toBe('Left the UK voluntarily');
    expect((closed.timeline as { kind: string; nodeId?: string }[]).some((event) => event.nodeId === 'End_withdrawn')).toBe(true);
  });
});
