// Issue #14, finding 6: a FEEL function calling itself twice per level escaped the iteration
// budget (which only counted for/some/every in the syntax tree) and held a workflow task for
// seconds per level. Work is now charged while feelin evaluates: a literal over-budget expression
// is refused at deploy, and one whose work depends on the case data fails that case, with the
// reason, while other cases on the same worker carry on.
import { describe, expect, it } from 'vitest';
import { eventually } from '../support/test-casemap.ts';
import { suiteUsers } from '../support/suite-users.ts';
import { fnoReturnsDiagram } from '../support/fno-returns-diagram.ts';

const recursion = (depth: string) => `{f: function(n) if n &lt;= 0 then 1 else f(n-1) + f(n-1), r: f(${depth})}.r &gt; 0`;

const diagram = (condition: string) =>
  fnoReturnsDiagram({
    id: 'recursion',
    name: 'Recursive check',
    elements: `    <bpmn:startEvent id="Start_recursion" name="Check requested">
      <bpmn:extensionElements>
        <casework:form>
          <casework:field name="depth" label="Depth" type="number" required="true" min="0" max="100" />
        </casework:form>
      </bpmn:extensionElements>
      <bpmn:outgoing>Flow_in</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:exclusiveGateway id="Gateway_recursion" name="Deep?" default="Flow_shallow"><bpmn:incoming>Flow_in</bpmn:incoming><bpmn:outgoing>Flow_deep</bpmn:outgoing><bpmn:outgoing>Flow_shallow</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:endEvent id="End_deep" name="Deep"><bpmn:incoming>Flow_deep</bpmn:incoming></bpmn:endEvent>
    <bpmn:endEvent id="End_shallow" name="Shallow"><bpmn:incoming>Flow_shallow</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_in" sourceRef="Start_recursion" targetRef="Gateway_recursion" />
    <bpmn:sequenceFlow id="Flow_deep" name="Recursion holds" sourceRef="Gateway_recursion" targetRef="End_deep"><bpmn:conditionExpression>=${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_shallow" sourceRef="Gateway_recursion" targetRef="End_shallow" />`,
  });

type TimelineEvent = { kind: string; data?: unknown };

describe('FEEL recursion cannot stall a worker', () => {
  const { designer, tom } = suiteUsers('designer', 'tom');

  it('refuses at deploy a literal recursion that always goes over budget, naming the path', async () => {
    const refused = await designer.post('/api/definitions/deploy', { id: 'literal-recursion', xml: diagram(recursion('40')) }).expect(422);
    expect(refused.body.code).toBe('bpmn-check-failed');
    expect(refused.body.issues).toContainEqual(
      expect.objectContaining({
        elementId: 'Flow_deep',
        message: expect.stringMatching(/^The condition of the path "Recursion holds" from gateway "Deep\?" to event "Deep" would not be evaluated: it does more work than the [\d,]+ steps Casemap allows one expression/),
      }),
    );
  });

  it('fails the one case whose data makes the recursion too deep, while another case on the same worker completes', async () => {
    // given a process whose recursion depth comes from the case data
    await designer.post('/api/definitions/deploy', { id: 'data-recursion', xml: diagram(recursion('depth')) }).expect(201);

    // when one case asks for depth 40 and another for depth 3
    const deep = await tom.post('/api/cases', { definitionId: 'data-recursion', data: { depth: 40 } });
    const shallow = await tom.post('/api/cases', { definitionId: 'data-recursion', data: { depth: 3 } }).expect(201);

    // then the deep case failed with the budget as its reason
    expect(deep.status).toBe(201);
    const failed = await eventually(
      () => tom.get(`/api/cases/${deep.body.caseId}`).then((response) => response.body),
      (body) => body.case?.status === 'failed',
    );
    const failure = (failed.timeline as TimelineEvent[]).find((event) => event.kind === 'case-failed');
    expect(JSON.stringify(failure?.data)).toMatch(/Casemap stopped evaluating it: it does more work than the [\d,]+ steps Casemap allows one expression/);

    // and the shallow case ran through the same gateway to its end
    const completed = await eventually(
      () => tom.get(`/api/cases/${shallow.body.caseId}`).then((response) => response.body),
      (body) => body.case?.status === 'completed',
    );
    expect(completed.case.status).toBe('completed');
  });
});
