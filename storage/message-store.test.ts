import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { findWaitingCases, findWaitsOfCases } from './message-store.ts';
import { openTestStore } from './support/test-store.ts';

describe('finding the cases that wait for messages', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestStore();
    // given waits with a key, without one, for other keys and other messages
    const waits: [string, string, string, string | null][] = [
      ['case-a', 'w1', 'Appeal lodged', 'REF-A'],
      ['case-a', 'w2', 'Case withdrawn', null],
      ['case-b', 'w1', 'Appeal lodged', 'REF-OTHER'],
      ['case-b', 'w2', 'Travel document issued', 'REF-B'],
      ['case-c', 'w1', 'Appeal lodged', null],
      ['case-c', 'w2', 'Appeal lodged', 'REF-C'],
      ['case-d', 'w1', 'Removal cancelled', 'REF-D'],
    ];
    for (const [caseId, subscriptionId, name, key] of waits) {
      await db.query('INSERT INTO message_subscriptions (case_id, subscription_id, message_name, correlation_key, created_at) VALUES ($1, $2, $3, $4, now())', [caseId, subscriptionId, name, key]);
    }
  });
  afterAll(() => db?.close());

  const cases = [
    { caseId: 'case-a', correlationKey: 'REF-A' },
    { caseId: 'case-b', correlationKey: 'REF-B' },
    { caseId: 'case-c', correlationKey: 'REF-C' },
    { caseId: 'case-d', correlationKey: 'REF-D' },
  ];
  const names = ['Appeal lodged', 'Case withdrawn', 'Travel document issued'];

  it('answers in one statement what a look-up per case and message answers', async () => {
    // when asked for all cases and messages at once
    const atOnce = await findWaitsOfCases(db, cases, names);

    // then each pair is there exactly when the per-message look-up names the case, once
    const oneByOne: { caseId: string; messageName: string }[] = [];
    for (const { caseId, correlationKey } of cases) {
      for (const name of names) if ((await findWaitingCases(db, name, correlationKey)).includes(caseId)) oneByOne.push({ caseId, messageName: name });
    }
    expect(atOnce).toEqual(oneByOne.sort((x, y) => x.caseId.localeCompare(y.caseId) || x.messageName.localeCompare(y.messageName)));
    expect(atOnce).toEqual([
      { caseId: 'case-a', messageName: 'Appeal lodged' },
      { caseId: 'case-a', messageName: 'Case withdrawn' },
      { caseId: 'case-b', messageName: 'Travel document issued' },
      { caseId: 'case-c', messageName: 'Appeal lodged' },
    ]);
  });

  it('finds nothing for no cases or no messages', async () => {
    expect(await findWaitsOfCases(db, [], names)).toEqual([]);
    expect(await findWaitsOfCases(db, cases, [])).toEqual([]);
  });
});
