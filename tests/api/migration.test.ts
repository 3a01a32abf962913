// Migrating running cases through the API, on the whole stack: the proposed plan, a preview, a run
// in batches on Temporal with its progress, precise 4xx for a bad plan, and afterwards the case
// view and the inbox show version 2 and its step; one audit entry per case.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const v1 = readFileSync(new URL('../fixtures/one-lane-assessment.bpmn', import.meta.url), 'utf8');
/** Version 2: the assessment is renamed and a travel-document check follows it. */
const v2 = v1
  .replace('name="Assess deportation"', 'name="Assess deportation under the 2027 rules"')
  .replace('<bpmn:flowNodeRef>End_assessment</bpmn:flowNodeRef>', '<bpmn:flowNodeRef>Task_check</bpmn:flowNodeRef><bpmn:flowNodeRef>End_assessment</bpmn:flowNodeRef>')
  .replace('<bpmn:endEvent id="End_assessment" name="Assessed"><bpmn:incoming>Flow_2</bpmn:incoming>', '<bpmn:endEvent id="End_assessment" name="Assessed"><bpmn:incoming>Flow_3</bpmn:incoming>')
  .replace(
    '<bpmn:sequenceFlow id="Flow_2" sourceRef="Task_assess" targetRef="End_assessment" />',
    '<bpmn:sequenceFlow id="Flow_2" sourceRef="Task_assess" targetRef="Task_check" /><bpmn:userTask id="Task_check" name="Check travel documents"><bpmn:incoming>Flow_2</bpmn:incoming><bpmn:outgoing>Flow_3</bpmn:outgoing></bpmn:userTask><bpmn:sequenceFlow id="Flow_3" sourceRef="Task_check" targetRef="End_assessment" />',
  );

describe('case migration API', () => {
  let casemap: TestCasemap;
  let designer: UserClient;
  let tom: UserClient;
  let admin: UserClient;
  const caseIds: string[] = [];
  const plan = { fromVersion: 1, toVersion: 2, mappings: [{ source: 'Task_assess', target: 'Task_assess' }] };

  beforeAll(async () => {
    casemap = await startTestCasemap();
    designer = await casemap.as('designer');
    tom = await casemap.as('tom');
    admin = await casemap.as('admin');
    await designer.post('/api/definitions/deploy', { id: 'assessment', xml: v1 }).expect(201);
    for (let i = 0; i < 3; i += 1) caseIds.push((await tom.post('/api/cases', { definitionId: 'assessment', data: {} }).expect(201)).body.caseId);
    const first = await tom.get(`/api/cases/${caseIds[0]}`).expect(200);
    await tom.post(`/api/tasks/${first.body.tasks[0].id}/claim`).expect(200);
    await designer.post('/api/definitions/deploy', { id: 'assessment', xml: v2 }).expect(201);
  }, 120_000);
  afterAll(async () => {
    await casemap?.stop();
  });

  it('proposes the mapping by id and counts the running cases', async () => {
    const response = await designer.get('/api/definitions/assessment/migration-plan?from=1&to=2').expect(200);
    expect(response.body.mappings).toEqual([{ source: 'Task_assess', target: 'Task_assess', reason: 'same-id' }]);
    expect(response.body.targets.map((target: { id: string }) => target.id)).toEqual(['Task_assess', 'Task_check']);
    expect(response.body.runningCases).toBe(3);
  });

  it('previews each case without changing any', async () => {
    const response = await designer.post('/api/definitions/assessment/migrations/preview', plan).expect(200);
    expect(response.body.summary).toEqual({ cases: 3, migratable: 3, refused: 0 });
    expect(response.body.cases[0].tasksKept).toMatchObject([{ from: 'Task_assess', to: 'Task_assess' }]);
    const unchanged = await tom.get(`/api/cases/${caseIds[0]}`).expect(200);
    expect(unchanged.body.case.version).toBe(1);
    const refused = await designer.post('/api/definitions/assessment/migrations/preview', { ...plan, mappings: [{ source: 'Task_assess', target: null }] }).expect(200);
    expect(refused.body.cases[0].refusals).toMatchObject([{ code: 'no-target', elementId: 'Task_assess' }]);
  });

  it('answers a bad plan with a 400 naming the field and element at fault', async () => {
    const unknownTarget = await designer.post('/api/definitions/assessment/migrations/preview', { ...plan, mappings: [{ source: 'Task_assess', target: 'Task_nope' }] }).expect(400);
    expect(unknownTarget.body.issues).toMatchObject([{ field: 'body.mappings.0.target', elementId: 'Task_nope' }]);
    const unknownSource = await designer.post('/api/definitions/assessment/migrations', { ...plan, mappings: [{ source: 'Start_assessment', target: 'Task_assess' }] }).expect(400);
    expect(unknownSource.body.issues).toMatchObject([{ field: 'body.mappings.0.source', elementId: 'Start_assessment' }]);
    const unknownVersion = await designer.post('/api/definitions/assessment/migrations/preview', { ...plan, toVersion: 9 }).expect(400);
    expect(unknownVersion.body.issues).toMatchObject([{ field: 'body.toVersion' }]);
    // Beyond PostgreSQL's integer: refused by the schema, not by a failed query (Schemathesis found this).
    const hugeVersion = await designer.post('/api/definitions/assessment/migrations/preview', { ...plan, toVersion: 4_667_614_582 }).expect(400);
    expect(hugeVersion.body.issues).toMatchObject([{ field: 'body.toVersion' }]);
    const sameVersion = await designer.post('/api/definitions/assessment/migrations', { ...plan, toVersion: 1 }).expect(400);
    expect(sameVersion.body.issues.map((issue: { field: string }) => issue.field)).toContain('body.toVersion');
    await designer.get('/api/definitions/assessment/migration-plan?from=1&to=1').expect(400);
    await designer.get('/api/definitions/nowhere/migration-plan?from=1&to=2').expect(404);
    await tom.get('/api/definitions/assessment/migration-plan?from=1&to=2').expect(403);
    expect((await designer.get('/api/definitions/assessment/migrations').expect(200)).body.items).toEqual([]);
  });

  it('runs the migration on Temporal; the case view and the inbox then show version 2', { timeout: 120_000 }, async () => {
    // when
    const started = await designer.post('/api/definitions/assessment/migrations', plan).set('Idempotency-Key', 'migrate-assessment-1').expect(202);
    const repeated = await designer.post('/api/definitions/assessment/migrations', plan).set('Idempotency-Key', 'migrate-assessment-1').expect(202);
    expect(repeated.body.migrationId).toBe(started.body.migrationId);
    expect(started.body).toMatchObject({ status: 'running', total: 3, fromVersion: 1, toVersion: 2 });
    const done = await eventually(() => designer.get(`/api/migrations/${started.body.migrationId}`), (response) => response.body.status === 'completed', 60_000);
    // then
    expect(done.body).toMatchObject({ total: 3, migrated: 3, refused: 0 });
    const listed = await designer.get('/api/definitions/assessment/migrations').expect(200);
    expect(listed.body.items.map((item: { migrationId: string }) => item.migrationId)).toEqual([started.body.migrationId]);
    const view = await tom.get(`/api/cases/${caseIds[0]}`).expect(200);
    expect(view.body.case.version).toBe(2);
    expect(view.body.tasks).toMatchObject([{ nodeId: 'Task_assess', name: 'Assess deportation under the 2027 rules', status: 'claimed', assignee: 'tom' }]);
    expect(view.body.live.tasks).toMatchObject([{ name: 'Assess deportation under the 2027 rules', claimedBy: 'tom' }]);
    const inbox = await tom.get('/api/tasks?view=team').expect(200);
    const names = inbox.body.items.filter((task: { caseId: string }) => caseIds.includes(task.caseId)).map((task: { name: string }) => task.name);
    expect(names).toEqual(['Assess deportation under the 2027 rules', 'Assess deportation under the 2027 rules', 'Assess deportation under the 2027 rules']);
    // and the case follows version 2
    const completed = await tom.post(`/api/tasks/${view.body.tasks[0].id}/complete`, { data: { decision: 'deport' } }).expect(200);
    expect(completed.body.next.opened.map((task: { nodeId: string }) => task.nodeId)).toEqual(['Task_check']);
    // and each case has one audit entry
    const audit = await admin.get('/api/admin/audit?limit=1000').expect(200);
    const migrated = audit.body.items.filter((entry: { action: string }) => entry.action === 'case.migrate').map((entry: { target: string }) => entry.target);
    expect(migrated.sort()).toEqual([...caseIds].sort());
  });
});
