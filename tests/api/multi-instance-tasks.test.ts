// A multi-instance step through the API: each instance is an inbox task that says which of how many
// it is and how many are done, counted afresh on every read, on the inbox and on the case page.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const bpmn = readFileSync(new URL('../fixtures/per-dependant-checks.bpmn', import.meta.url), 'utf8');

interface TaskBody {
  id: string;
  caseId: string;
  nodeId: string;
  status: string;
  instance?: { index: number; count: number; completed: number } | null;
}

describe('multi-instance tasks in the inbox and on the case page', () => {
  let casemap: TestCasemap;
  let tom: UserClient;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    const designer = await casemap.as('designer');
    await designer.post('/api/definitions/deploy', { id: 'per-dependant', xml: bpmn }).expect(201);
    tom = await casemap.as('tom');
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  it('shows each instance as "n of 3" and counts the ones done on every read', async () => {
    // given a case with three dependants, whose checks open at once
    const started = await tom.post('/api/cases', { definitionId: 'per-dependant', data: { dependantNames: 'Ana, Ben, Cy' } }).expect(201);
    const caseId: string = started.body.caseId;
    const inbox = async () => ((await tom.get('/api/tasks?view=team').expect(200)).body.items as TaskBody[]).filter((task) => task.caseId === caseId);
    const checks = await eventually(inbox, (tasks) => tasks.length === 3);
    expect(checks.map((task) => task.instance)).toEqual([
      { index: 1, count: 3, completed: 0 },
      { index: 2, count: 3, completed: 0 },
      { index: 3, count: 3, completed: 0 },
    ]);

    // when one check is done
    const second = checks[1]!;
    await tom.post(`/api/tasks/${encodeURIComponent(second.id)}/claim`).expect(200);
    await tom.post(`/api/tasks/${encodeURIComponent(second.id)}/complete`, { data: { check: 'Ben: clear' } }).expect(200);

    // then the other two say one of three is done, in the inbox and on the case page
    const open = await eventually(inbox, (tasks) => tasks.length === 2);
    expect(open.map((task) => task.instance)).toEqual([
      { index: 1, count: 3, completed: 1 },
      { index: 3, count: 3, completed: 1 },
    ]);
    const detail = (await tom.get(`/api/cases/${caseId}`).expect(200)).body as { tasks: TaskBody[] };
    expect(detail.tasks.filter((task) => task.status === 'open').map((task) => task.instance)).toEqual(open.map((task) => task.instance));
    expect(detail.tasks.find((task) => task.id === second.id)?.instance).toEqual({ index: 2, count: 3, completed: 1 });
  });
});
