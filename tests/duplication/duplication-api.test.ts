// The duplication API on a real (in-memory, migrated) projection store, mounted on its own app.
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duplicationRouter } from '../../api/duplication/router.ts';
import { problemHandler } from '../../api/problems/problem-handler.ts';
import type { CaseLogEvent } from '../../domain/events/case-log-event.ts';
import { plantedLibrary } from '../../domain/duplication/fixtures/planted-library.ts';
import { appendCaseLogEvents } from '../../storage/case-log-store.ts';
import { openPglite, type Database } from '../../storage/database.ts';
import { deployVersion } from '../../storage/definition-store.ts';
import type { Role, UserRecord } from '../../storage/identity-store.ts';
import { migrate } from '../../storage/migrate.ts';

const user = (id: string, roles: Role[]): UserRecord => ({ id, username: id, displayName: id, roles, teams: [], leadOf: [] });
const analyst = user('ana', ['analyst']);
const caseworker = user('cas', ['caseworker']);

let db: Database;
let signedIn: UserRecord = analyst;

function app(): express.Express {
  const server = express();
  server.use(express.json());
  server.use((req, _res, next) => {
    req.user = signedIn;
    next();
  });
  server.use(duplicationRouter(db));
  server.use(problemHandler);
  return server;
}

const event = (caseId: string, n: number, kind: CaseLogEvent['kind'], at: string, extra: Partial<CaseLogEvent> = {}): CaseLogEvent => ({ id: `${caseId}:${n}`, caseId, kind, at, data: {}, ...extra });
const ready = (name: string, team: string) => ({ name, team, form: [], priority: 0 });

beforeAll(async () => {
  db = openPglite();
  await migrate(db);
  for (const entry of plantedLibrary) {
    await deployVersion(db, { definitionId: entry.definitionId, name: entry.name, xml: '<definitions/>', ir: entry.ir, deployedBy: 'designer' });
  }
  // One removals case: risk assessed by logistics and again by escorting, the assessment redone.
  await appendCaseLogEvents(db, [
    event('c1', 0, 'case-started', '2026-01-01T09:00:00Z', { data: { definitionId: 'removals', version: 1, workflowId: 'case-c1', data: {} } }),
    event('c1', 1, 'task-ready', '2026-01-01T09:00:00Z', { taskId: 't1', nodeId: 'x2', task: ready('Assess risk', 'removals-logistics') }),
    event('c1', 2, 'task-claimed', '2026-01-01T10:00:00Z', { taskId: 't1', nodeId: 'x2', actor: 'amy', team: 'removals-logistics' }),
    event('c1', 3, 'task-completed', '2026-01-01T11:00:00Z', { taskId: 't1', nodeId: 'x2', actor: 'amy', team: 'removals-logistics', data: { violenceRisk: 'low', selfHarmRisk: 'low' } }),
    event('c1', 4, 'task-ready', '2026-01-02T09:00:00Z', { taskId: 't2', nodeId: 'x7', task: ready('Review threat level at 72 hours', 'escorting') }),
    event('c1', 5, 'task-claimed', '2026-01-02T09:00:00Z', { taskId: 't2', nodeId: 'x7', actor: 'eve', team: 'escorting' }),
    event('c1', 6, 'task-completed', '2026-01-02T09:30:00Z', { taskId: 't2', nodeId: 'x7', actor: 'eve', team: 'escorting', data: { violenceRisk: 'high', selfHarmRisk: 'low' } }),
  ]);
});

afterAll(async () => {
  await db.close();
});

describe('GET /duplication/report', () => {
  it('ranks clusters over the latest deployed versions and includes runtime findings', async () => {
    signedIn = analyst;
    const response = await request(app()).get('/duplication/report').expect(200);
    expect(response.body.models).toBe(plantedLibrary.length);
    expect(response.body.clusters[0].rank).toBe(1);
    expect(response.body.clusters.map((cluster: { key: string }) => cluster.key)).toContain('similar-steps:verify:nationality');
    expect(response.body.runtime).toContainEqual(expect.objectContaining({ kind: 'same-check-different-teams', definitionId: 'removals', cases: 1 }));
    expect(response.body.runtime).toContainEqual(expect.objectContaining({ kind: 'repeated-field', field: 'risk violenc' }));
  });

  it('refuses a caseworker', async () => {
    signedIn = caseworker;
    const response = await request(app()).get('/duplication/report').expect(403);
    expect(response.body.code).toBe('forbidden');
  });

  it('rejects an unknown query parameter, naming it', async () => {
    signedIn = analyst;
    const response = await request(app()).get('/duplication/report?dayz=3').expect(400);
    expect(response.body.code).toBe('invalid-request');
  });
});

describe('GET /duplication/report.csv', () => {
  it('downloads the clusters as CSV', async () => {
    signedIn = analyst;
    const response = await request(app()).get('/duplication/report.csv').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toContain('duplication-report.csv');
    expect(response.text.split('\r\n')[0]).toMatch(/^rank,cluster_key,detector,title/);
  });
});

describe('GET /duplication/definitions/:id', () => {
  it('says, per element, where else the same work is done', async () => {
    signedIn = analyst;
    const response = await request(app()).get('/duplication/definitions/fno-referral').expect(200);
    expect(response.body.elements.r2.map((overlay: { text: string }) => overlay.text)).toContain('Also done in: FNO referral / Verify citizenship');
  });

  it('answers 404 for a process that was never deployed', async () => {
    signedIn = analyst;
    await request(app()).get('/duplication/definitions/no-such-process').expect(404);
  });
});

describe('POST /duplication/intended', () => {
  it('sets a cluster aside, stores the reason and audits it', async () => {
    signedIn = analyst;
    const clusterKey = 'similar-steps:verify:nationality';
    await request(app()).post('/duplication/intended').send({ clusterKey, reason: 'Prison and returns each need their own check' }).expect(201);
    const report = (await request(app()).get('/duplication/report').expect(200)).body;
    expect(report.clusters.map((cluster: { key: string }) => cluster.key)).not.toContain(clusterKey);
    expect(report.intended).toContainEqual(expect.objectContaining({ key: clusterKey, intended: { reason: 'Prison and returns each need their own check' } }));
    const audit = await db.query<{ actor: string; action: string; target: string }>(`SELECT actor, action, target FROM audit WHERE action = 'duplication.mark-intended' AND outcome = 'ok'`);
    expect(audit).toEqual([{ actor: 'ana', action: 'duplication.mark-intended', target: clusterKey }]);
  });

  it('answers 404 for a cluster key the report does not have', async () => {
    signedIn = analyst;
    await request(app()).post('/duplication/intended').send({ clusterKey: 'similar-steps:nothing', reason: 'x' }).expect(404);
  });

  it('refuses a team lead, who may read but not mark', async () => {
    signedIn = user('lead', ['team-lead']);
    await request(app()).post('/duplication/intended').send({ clusterKey: 'similar-steps:verify:nationality', reason: 'x' }).expect(403);
  });
});
