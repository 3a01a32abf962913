// Missed deadlines reach team leads through the whole stack: the case
// workflow logs `escalated-to-lead`, and the inbox's `escalated` view lists the task for the
// leads of that team only (an admin sees every team's).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestCasemap, type TestCasemap } from '../support/test-casemap.ts';

const deadlinesXml = readFileSync(new URL('./fixtures/deadlines.bpmn', import.meta.url), 'utf8');

describe('the escalated inbox view', () => {
  let casemap: TestCasemap;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    await (await casemap.as('designer')).post('/api/definitions/deploy', { id: 'deadlines', xml: deadlinesXml }).expect(201);
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  it('lists a task whose deadline was missed for the leads of its team only, until it is done', async () => {
    // given a referral that priya hands to FNO Returns, whose acceptance is due in two seconds
    const priya = await casemap.as('priya');
    const started = await priya.post('/api/cases', { definitionId: 'deadlines', data: {} }).expect(201);
    const caseId: string = started.body.caseId;
    const referral = started.body.next.opened[0];
    const referralId = `${caseId}:${referral.taskId}`;
    const lena = await casemap.as('lena');
    const admin = await casemap.as('admin');
    const escalatedTo = (user: typeof lena) => user.get(`/api/tasks?view=escalated&caseId=${caseId}`).then((response) => (response.body.items as { id: string }[]).map((task) => task.id));

    // the referral's own two-second SLA passes first: escalated to prison casework's leads, not to Lena
    expect(await eventually(() => escalatedTo(admin), (ids) => ids.length > 0)).toEqual([referralId]);
    expect(await escalatedTo(lena)).toEqual([]);
    await priya.post(`/api/tasks/${caseId}:${referral.taskId}/claim`).expect(200);
    const handed = await priya.post(`/api/tasks/${caseId}:${referral.taskId}/complete`, { data: {} }).expect(200);
    const decisionId = `${caseId}:${handed.body.next.opened[0].taskId}`;

    // when nobody in FNO Returns accepts it in time
    const escalated = await eventually(() => escalatedTo(lena), (ids) => ids.length > 0);

    // then Lena, FNO Returns' lead, sees it; Tom, a member, does not; an admin sees only it (the referral is done)
    expect(escalated).toEqual([decisionId]);
    const tom = await casemap.as('tom');
    expect(await escalatedTo(tom)).toEqual([]);
    expect((await tom.get(`/api/tasks?view=team&caseId=${caseId}`).expect(200)).body.items.map((task: { id: string }) => task.id)).toEqual([decisionId]);
    expect(await escalatedTo(admin)).toEqual([decisionId]);

    // and once the decision is made it leaves the escalated view
    await tom.post(`/api/tasks/${decisionId}/claim`).expect(200);
    await tom.post(`/api/tasks/${decisionId}/complete`, { data: {} }).expect(200);
    await eventually(() => escalatedTo(lena), (ids) => ids.length === 0);
  });
});
