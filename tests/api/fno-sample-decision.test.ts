// The FNO sample decides Early Removal Scheme eligibility with its DMN table: the sample library
// deploys processes/ers-eligibility.dmn with the diagram, and a case reaching the decision logs which
// rule matched, keeps the result as case data and goes where the table's route sends it.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySampleLibrary } from '../../runtime/sample-library.ts';
import { eventually, startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const FNO = 'fno-returns-casework';
const DAY = 86_400_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

interface TimelineEvent {
  kind: string;
  nodeId?: string;
  data?: Record<string, unknown>;
}

describe('the FNO sample deciding ERS eligibility with its decision table', () => {
  let casemap: TestCasemap;
  let priya: UserClient;
  let tom: UserClient;
  /** Reads whole cases whichever team owns them now (the analyst sees every case). */
  let analyst: UserClient;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    const deployed = await deploySampleLibrary(casemap.db, fileURLToPath(new URL('../../processes', import.meta.url)));
    expect(deployed.flatMap((sample) => sample.errors)).toEqual([]);
    [priya, tom, analyst] = await Promise.all([casemap.as('priya'), casemap.as('tom'), casemap.as('analyst')]);
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  /** Claims and completes the one open task of `caseId` at `nodeId`, as `user`; answers the next steps. */
  async function work(user: UserClient, caseId: string, opened: { taskId: string; nodeId: string }[], nodeId: string, data: Record<string, unknown>) {
    const task = opened.find((candidate) => candidate.nodeId === nodeId);
    expect(task, `${nodeId} is open`).toBeDefined();
    const path = `/api/tasks/${encodeURIComponent(`${caseId}:${task!.taskId}`)}`;
    await user.post(`${path}/claim`).expect(200);
    const completed = await user.post(`${path}/complete`, { data }).expect(200);
    return completed.body.next as { status: string; opened: { taskId: string; nodeId: string }[] };
  }

  /** Runs a case from the prison referral to the deportation decision; answers the steps that follow it. */
  async function referAndDecide(deportationDecision: string, ersEligibilityDate: string) {
    const started = await priya.post('/api/cases', { definitionId: FNO, data: {} }).expect(201);
    const caseId: string = started.body.caseId;
    const sentence = { sentenceLengthMonths: 30, conditionalReleaseDate: dateIn(600), ersEligibilityDate };
    let next = await work(priya, caseId, started.body.next.opened, 'Task_refer', { prisonNumber: 'A1234BC', surname: 'Doe', givenNames: 'Sam', dateOfBirth: '1990-01-01', nationality: 'Exampleland', ...sentence });
    next = await work(priya, caseId, next.opened, 'Task_prison_identity', { nationality: 'Exampleland', identityEvidence: 'valid-passport', nationalityConfirmed: true });
    next = await work(priya, caseId, next.opened, 'Task_referral_risk', { violenceRisk: 'low', selfHarmRisk: false, disruptionHistory: false });
    next = await work(tom, caseId, next.opened, 'Task_create_case', { caseReference: `FNO-${caseId.slice(0, 8)}`, caseOwner: 'tom', ...sentence });
    next = await work(tom, caseId, next.opened, 'Task_decide', { deportationDecision, decisionReasons: 'Sentence of 30 months' });
    const detail = await eventually(
      () => analyst.get(`/api/cases/${caseId}`).then((response) => response.body),
      (body) => body.timeline?.some((event: TimelineEvent) => event.kind === 'decision-evaluated'),
    );
    return { caseId, next, detail, evaluated: (detail.timeline as TimelineEvent[]).filter((event) => event.kind === 'decision-evaluated') };
  }

  it('evaluates the ERS table when the deportation decision is made, logs the matched rule and sends the case on by its route', async () => {
    // when a case with its ERS date over a year away is decided for deportation
    const { next, detail, evaluated } = await referAndDecide('deport', dateIn(400));

    // then the table's fifth rule matched, after the days to the ERS date were worked out
    expect(evaluated).toEqual([
      expect.objectContaining({
        nodeId: 'Decide_ers',
        data: expect.objectContaining({
          decisionId: 'ers-eligibility',
          decisionName: 'ERS eligibility',
          resultVariable: 'ersEligibility',
          matchedRules: [{ ruleId: 'ers-rule-eligible', index: 5 }],
          output: { eligible: true, route: 'plan removal for the ERS date' },
          required: [expect.objectContaining({ decisionId: 'days-to-ers-date', output: expect.any(Number) })],
        }),
      }),
    ]);
    expect(detail.live.data.ersEligibility).toEqual({ eligible: true, route: 'plan removal for the ERS date' });
    // and the case goes on to barrier clearance and re-documentation
    expect(next.opened.map((task) => task.nodeId).sort()).toEqual(['Task_barrier_check', 'Task_redoc_identity']);
  });

  it('closes the case when the table routes a do-not-deport decision to closing it', async () => {
    const { caseId, next, evaluated } = await referAndDecide('do-not-deport', dateIn(400));
    expect(evaluated.map((event) => event.data)).toEqual([expect.objectContaining({ matchedRules: [{ ruleId: 'ers-rule-no-deportation', index: 1 }], output: { eligible: false, route: 'close the case' } })]);
    expect(next).toMatchObject({ status: 'completed', opened: [] });
    const closed = await eventually(
      () => analyst.get(`/api/cases/${caseId}`).then((response) => response.body),
      (body) => body.case?.status === 'completed',
    );
    expect((closed.timeline as TimelineEvent[]).some((event) => event.nodeId === 'End_not_deported')).toBe(true);
  });
});
