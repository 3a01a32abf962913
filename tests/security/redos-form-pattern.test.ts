// Issue #14, finding 5: a form-field pattern such as ^(a+)+$ was accepted at deploy and run with
// a backtracking RegExp on the API's event loop (start forms) and in the workflow's Update
// validator (task forms): a few dozen characters froze every request. Patterns now run on RE2,
// and patterns RE2 cannot run are refused at deploy. Under the old code the value below would
// not be answered within the test's timeout, rather than slowly.
import { beforeAll, describe, expect, it } from 'vitest';
import { suiteUsers } from '../support/suite-users.ts';
import { fnoReturnsDiagram } from '../support/fno-returns-diagram.ts';

const diagram = (pattern: string) =>
  fnoReturnsDiagram({
    id: 'redos',
    name: 'Reference check',
    elements: `    <bpmn:startEvent id="Start_redos" name="Reference received">
      <bpmn:extensionElements>
        <casework:form>
          <casework:field name="startReference" label="Start reference" type="string" pattern="${pattern}" />
        </casework:form>
      </bpmn:extensionElements>
      <bpmn:outgoing>Flow_1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:userTask id="Task_reference" name="Record reference" casework:sla="P10D">
      <bpmn:extensionElements>
        <casework:form>
          <casework:field name="taskReference" label="Task reference" type="string" required="true" pattern="${pattern}" />
        </casework:form>
      </bpmn:extensionElements>
      <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="End_redos" name="Recorded"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_redos" targetRef="Task_reference" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_reference" targetRef="End_redos" />`,
  });

// 5,000 letters then one that breaks the match: a backtracking engine tries 2^5000 splits
const hostile = `${'a'.repeat(5000)}!`;

describe('a form-field pattern cannot freeze the API or a workflow', () => {
  const { designer, tom } = suiteUsers('designer', 'tom');

  beforeAll(async () => {
    await designer.post('/api/definitions/deploy', { id: 'redos-reference', xml: diagram('^(a+)+$') }).expect(201);
  });

  it('refuses a hostile start-form value with 422 naming the field, and keeps answering other requests', async () => {
    // given a request that would block the event loop, and another one sent at the same time
    const [refused, other] = await Promise.all([
      tom.post('/api/cases', { definitionId: 'redos-reference', data: { startReference: hostile } }),
      tom.get('/api/tasks?view=team'),
    ]);
    // then the value is refused for its format, and the other request was answered
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'invalid-form-data', issues: [expect.objectContaining({ field: 'startReference', message: 'Start reference is not in the expected format' })] });
    expect(other.status).toBe(200);
  });

  it('refuses a hostile task-form value with 422 naming the field, and the case goes on', async () => {
    // given a case whose task form has the same pattern
    const started = await tom.post('/api/cases', { definitionId: 'redos-reference', data: { startReference: 'aaa' } }).expect(201);
    const queue = await tom.get(`/api/tasks?view=team&caseId=${started.body.caseId}`).expect(200);
    const taskId: string = queue.body.items[0].id;
    await tom.post(`/api/tasks/${encodeURIComponent(taskId)}/claim`).expect(200);
    // when the hostile value is submitted, then it is refused naming the field
    const refused = await tom.post(`/api/tasks/${encodeURIComponent(taskId)}/complete`, { data: { taskReference: hostile } }).expect(422);
    expect(refused.body).toMatchObject({ code: 'invalid-form-data', issues: [expect.objectContaining({ field: 'taskReference' })] });
    // and the workflow still takes a valid value
    const completed = await tom.post(`/api/tasks/${encodeURIComponent(taskId)}/complete`, { data: { taskReference: 'a'.repeat(5000) } }).expect(200);
    expect(completed.body.next).toMatchObject({ status: 'completed' });
  });

  it('refuses at deploy a pattern with a back-reference, naming the step and the field', async () => {
    const refused = await designer.post('/api/definitions/deploy', { id: 'backreference-reference', xml: diagram('^(\\w+)-\\1$') }).expect(422);
    expect(refused.body.code).toBe('bpmn-check-failed');
    const messages = refused.body.issues.map((issue: { elementId?: string; message: string }) => `${issue.elementId}: ${issue.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^Task_reference: .*field "taskReference" has the pattern "\^\(\\w\+\)-\\1\$", which uses something Casemap cannot check quickly on every input/));
    expect(messages).toContainEqual(expect.stringMatching(/^Start_redos: .*field "startReference" has the pattern/));
  });
});
