// Idempotency-Key on state-changing POSTs: a retry gets the first reply and changes nothing, a key
// reused for another request is refused, and a key left reserved by a request whose API process
// died is taken over once its lease has passed, without a second case.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_PROGRESS_LEASE_SECONDS } from '../../storage/idempotency-store.ts';
import { startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const referralXml = readFileSync(new URL('../fixtures/two-lane-referral.bpmn', import.meta.url), 'utf8');

describe('Idempotency-Key', () => {
  let casemap: TestCasemap;
  let priya: UserClient;
  const casesOfReferral = async () => (await casemap.db.query<{ id: string }>("SELECT id FROM cases WHERE definition_id = 'idempotent-referral'")).map((row) => row.id).sort();

  beforeAll(async () => {
    casemap = await startTestCasemap();
    await (await casemap.as('designer')).post('/api/definitions/deploy', { id: 'idempotent-referral', xml: referralXml }).expect(201);
    priya = await casemap.as('priya');
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  const startWithKey = (key: string, data: object) => priya.post('/api/cases', { definitionId: 'idempotent-referral', data }).set('Idempotency-Key', key);

  it('replays the first reply to a retry and starts one case', async () => {
    // when the same start is sent twice with one key
    const first = await startWithKey('start-1', {}).expect(201);
    const retry = await startWithKey('start-1', {}).expect(201);
    // then
    expect(retry.body).toEqual(first.body);
    expect(await casesOfReferral()).toEqual([first.body.caseId]);
  });

  it('refuses the key for a different request, naming the header, and changes nothing', async () => {
    // given
    const before = await casesOfReferral();
    // when
    const reused = await startWithKey('start-1', { other: true });
    // then
    expect(reused.status).toBe(409);
    expect(reused.body.issues).toEqual([{ field: 'header.idempotency-key', message: 'reused with a different body' }]);
    expect(await casesOfReferral()).toEqual(before);
  });

  it('takes over a key whose request died before answering once the lease has passed, finding the case it made', async () => {
    // given a start whose API process died after the case began but before its reply was kept
    const first = await startWithKey('start-2', {}).expect(201);
    await casemap.db.query("UPDATE idempotency_keys SET status = NULL, response = NULL WHERE key = 'start-2'");

    // when it is retried within the lease, it is reported as still in progress
    const early = await startWithKey('start-2', {});
    expect(early.status).toBe(409);
    expect(early.body.issues).toEqual([{ field: 'header.idempotency-key', message: 'in progress' }]);

    // when it is retried after the lease
    await casemap.db.query(`UPDATE idempotency_keys SET created_at = now() - make_interval(secs => ${IN_PROGRESS_LEASE_SECONDS + 1}) WHERE key = 'start-2'`);
    const late = await startWithKey('start-2', {}).expect(201);

    // then it answers with the same case, and no second case exists
    expect(late.body.caseId).toBe(first.body.caseId);
    expect((await casesOfReferral()).filter((id) => id === first.body.caseId)).toHaveLength(1);
    expect(await casesOfReferral()).toHaveLength(2);
  });
});
