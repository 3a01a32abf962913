// Token replay of a kept log on a deployed process version through the real API: the log's fitness,
// per step how often it was forced (move on log) or left waiting (move on model), steps the diagram
// lacks, and the rule that only the log's importer (and admins) may ask.
import { readFileSync } from 'node:fs';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const referralXml = readFileSync(new URL('../fixtures/two-lane-referral.bpmn', import.meta.url), 'utf8');

/** Three referrals: one as drawn, one decided without a referral, one with a phone call the diagram lacks. */
const log = [
  'case_id,activity,timestamp',
  'c1,Refer case to FNO Returns,2026-01-05T09:00:00Z',
  'c1,Make deportation decision,2026-01-06T09:00:00Z',
  'c2,Make deportation decision,2026-01-05T09:00:00Z',
  'c3,Refer case to FNO Returns,2026-01-05T10:00:00Z',
  'c3,Phone the prison,2026-01-05T11:00:00Z',
  'c3,Make deportation decision,2026-01-07T09:00:00Z',
].join('\n');

describe('token replay of a kept log through the API', () => {
  let casemap: TestCasemap;
  let analyst: UserClient;
  let logId: string;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    analyst = await casemap.as('analyst');
    const designer = await casemap.as('designer');
    await designer.post('/api/definitions/deploy', { id: 'fno-referral', xml: referralXml }).expect(201);
    const created = await supertest(casemap.url).post('/api/insights/logs?format=csv&name=referrals').set('Authorization', `Bearer ${analyst.token}`).set('Content-Type', 'text/csv').send(log).expect(201);
    logId = created.body.id;
  }, 120_000);
  afterAll(async () => casemap?.stop());

  it('answers the fitness of the log and each step’s deviations on the deployed version', async () => {
    const replay = await analyst.get(`/api/insights/logs/${logId}/replay?definitionId=fno-referral`).expect(200);
    expect(replay.body).toMatchObject({ definitionId: 'fno-referral', version: 1, cases: 3, fittingCases: 2 });
    expect(replay.body.fitness).toBeGreaterThan(0.5);
    expect(replay.body.fitness).toBeLessThan(1);
    const step = (nodeId: string) => replay.body.elements.find((e: { nodeId: string }) => e.nodeId === nodeId);
    expect(step('Task_decide')).toMatchObject({ executions: 3, forced: 1, skipped: 0 });
    expect(step('Task_refer')).toMatchObject({ executions: 2, forced: 0, skipped: 1 });
    expect(step('Task_refer').fitness).toBeCloseTo(2 / 3, 12);
    expect(replay.body.notInModel).toEqual([{ activity: 'Phone the prison', occurrences: 1, cases: 1 }]);
  });

  it('answers 404 for a process that is not deployed and 403 to a team lead', async () => {
    await analyst.get(`/api/insights/logs/${logId}/replay?definitionId=no-such-process`).expect(404);
    const lena = await casemap.as('lena');
    await lena.get(`/api/insights/logs/${logId}/replay?definitionId=fno-referral`).expect(403);
  });
});
