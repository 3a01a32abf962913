// GET /insights/compare over a real projection store: hand-built logs of two versions and two
// periods are appended as the workflows would append them, and the comparison is checked by hand.
// No Temporal run is needed: the comparison reads only the store. api/app.ts mounts the same
// routes; here `insightsRouter` sits on its own express app with a stand-in for sign-in.
import { readFileSync } from 'node:fs';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../domain/compile/compile.ts';
import { at, caseLog, HOUR } from '../../domain/insights/log-builder.testing.ts';
import { openDatabase, type Database } from '../../storage/database.ts';
import { migrate } from '../../storage/migrate.ts';
import { appendCaseLogEvents } from '../../storage/case-log-store.ts';
import { deployVersion } from '../../storage/definition-store.ts';
import { seedDemoIdentities } from '../../demo/demo-identities.ts';
import { insightsRouterApp } from '../support/insights-router-app.ts';

const referralXml = readFileSync(new URL('../fixtures/two-lane-referral.bpmn', import.meta.url), 'utf8');

describe('GET /insights/compare', () => {
  let db: Database;
  let insights: supertest.Agent;

  beforeAll(async () => {
    db = openDatabase({});
    await migrate(db);
    await seedDemoIdentities(db);
    const { ir } = await compile(referralXml);
    await deployVersion(db, { definitionId: 'fno', name: 'Referral', xml: referralXml, ir });
    await deployVersion(db, { definitionId: 'fno', name: 'Referral', xml: referralXml, ir: { ...ir, hash: `${ir.hash}-v2` } });
    // v1, week 1: refer waits 4 h, decide waits 10 h. v2, week 2: refer waits 1 h, decide waits 2 h.
    const week = 7 * 24;
    const logs = [
      caseLog('a1').start(0, {}, 1).task('Task_refer', 'Refer', { team: 'prison-casework', ready: 0, claimed: 4, completed: 5 }).task('Task_decide', 'Decide', { team: 'fno-returns', ready: 5, claimed: 15, completed: 16 }).end(16),
      caseLog('a2').start(1, {}, 1).task('Task_refer', 'Refer', { team: 'prison-casework', ready: 1, claimed: 5, completed: 6 }).task('Task_decide', 'Decide', { team: 'fno-returns', ready: 6, claimed: 16, completed: 17 }).end(17),
      caseLog('b1').start(week, {}, 2).task('Task_refer', 'Refer', { team: 'prison-casework', ready: week, claimed: week + 1, completed: week + 2 }).task('Task_decide', 'Decide', { team: 'fno-returns', ready: week + 2, claimed: week + 4, completed: week + 5 }).end(week + 5),
    ];
    await appendCaseLogEvents(db, logs.flatMap((log) => log.events));

    insights = insightsRouterApp(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  const element = (body: { elements: { nodeId: string; waitingMean: unknown }[] }, nodeId: string) => body.elements.find((e) => e.nodeId === nodeId);

  it('compares two versions step by step: the deltas are the other version minus the base', async () => {
    const { body } = await insights.get('/api/insights/compare?definitionId=fno&baseVersion=1&otherVersion=2').expect(200);
    expect(body.cases).toEqual({ base: 2, other: 1 });
    expect(element(body, 'Task_decide')).toMatchObject({ waitingMean: { base: 10 * HOUR, other: 2 * HOUR, delta: -8 * HOUR }, executions: { base: 2, other: 1, delta: -1 } });
    expect(element(body, 'Task_refer')).toMatchObject({ waitingMean: { base: 4 * HOUR, other: HOUR, delta: -3 * HOUR }, processingMean: { delta: 0 } });
    // the biggest change in time spent comes first
    expect(body.elements[0].nodeId).toBe('Task_decide');
  });

  it('compares two periods by when the cases started', async () => {
    const { body } = await insights.get(`/api/insights/compare?definitionId=fno&baseTo=${encodeURIComponent(at(24))}&otherFrom=${encodeURIComponent(at(24))}`).expect(200);
    expect(body.cases).toEqual({ base: 2, other: 1 });
    const swapped = await insights.get(`/api/insights/compare?definitionId=fno&baseFrom=${encodeURIComponent(at(24))}&otherTo=${encodeURIComponent(at(24))}`).expect(200);
    expect(element(swapped.body, 'Task_decide')?.waitingMean).toEqual({ base: 2 * HOUR, other: 10 * HOUR, delta: 8 * HOUR });
  });

  it('refuses a comparison without two sides, an unknown process, and readers without the analyst role', async () => {
    const oneVersion = await insights.get('/api/insights/compare?definitionId=fno&baseVersion=1').expect(400);
    expect(oneVersion.body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ field: expect.stringContaining('otherVersion') })]));
    const noSides = await insights.get('/api/insights/compare?definitionId=fno').expect(400);
    expect(noSides.body.detail).toBeTruthy();
    await insights.get('/api/insights/compare?definitionId=fno&baseVersion=1&otherVersion=two').expect(400);
    await insights.get('/api/insights/compare?definitionId=nope&baseVersion=1&otherVersion=2').expect(404);
    await insights.get('/api/insights/compare?definitionId=fno&baseVersion=1&otherVersion=2').set('x-test-user', 'tom').expect(403);
  });
});
