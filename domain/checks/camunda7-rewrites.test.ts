import { describe, expect, it } from 'vitest';
import { sharedModdle } from '../process/moddle.ts';
import { applyToParsedDiagram, planCamunda7Rewrites } from './camunda7-rewrites.ts';

async function parse(body: string) {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:casework="https://casemap.dev/schema/casework/1.0" id="Definitions_1" targetNamespace="https://casemap.dev/fixtures">
  <bpmn:process id="Process_1" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
  return sharedModdle().fromXML(xml);
}

describe('planCamunda7Rewrites', () => {
  it('turns a JUEL condition into FEEL and drops its JUEL language marker when applied', async () => {
    const parsed = await parse('<bpmn:sequenceFlow id="Flow_1" sourceRef="A" targetRef="B"><bpmn:conditionExpression language="juel">${!approved &amp;&amp; months gt 12}</bpmn:conditionExpression></bpmn:sequenceFlow>');
    const plan = planCamunda7Rewrites(parsed.elementsById);
    expect(plan.rewrites).toMatchObject([{ kind: 'condition', elementId: 'Flow_1', feel: '=not(approved) and months > 12' }]);
    applyToParsedDiagram(parsed.elementsById, plan.rewrites);
    const { xml } = await sharedModdle().toXML(parsed.rootElement);
    expect(xml).toContain('<bpmn:conditionExpression>=not(approved) and months &gt; 12</bpmn:conditionExpression>');
  });

  it('leaves conditions in other languages and FEEL conditions alone', async () => {
    const parsed = await parse(
      '<bpmn:sequenceFlow id="Flow_1"><bpmn:conditionExpression language="groovy">${x}</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:sequenceFlow id="Flow_2"><bpmn:conditionExpression>=x</bpmn:conditionExpression></bpmn:sequenceFlow>',
    );
    expect(planCamunda7Rewrites(parsed.elementsById)).toEqual({ rewrites: [], leftovers: [] });
  });

  it('makes a single literal candidate group the casework team and removes the Camunda attribute', async () => {
    const parsed = await parse('<bpmn:userTask id="Task_1" name="Assess" camunda:candidateGroups=" fno-returns " />');
    const plan = planCamunda7Rewrites(parsed.elementsById);
    expect(plan).toEqual({
      rewrites: [{ kind: 'attributes', elementId: 'Task_1', set: { 'casework:team': 'fno-returns', 'camunda:candidateGroups': undefined }, summary: 'the owner of Step "Assess": candidate group "fno-returns" → casework:team "fno-returns"' }],
      leftovers: [],
    });
    applyToParsedDiagram(parsed.elementsById, plan.rewrites);
    const { xml } = await sharedModdle().toXML(parsed.rootElement);
    expect(xml).toContain('<bpmn:userTask id="Task_1" name="Assess" casework:team="fno-returns" />');
  });

  it('takes the first of several literal groups, keeps the attribute and says so', async () => {
    const parsed = await parse('<bpmn:userTask id="Task_1" name="Assess" camunda:candidateGroups="fno-returns,escorting" />');
    const plan = planCamunda7Rewrites(parsed.elementsById);
    expect(plan.rewrites).toMatchObject([{ set: { 'casework:team': 'fno-returns' } }]);
    expect(plan.rewrites[0]).not.toHaveProperty(['set', 'camunda:candidateGroups']);
    expect(plan.leftovers).toEqual([{ elementId: 'Task_1', message: expect.stringMatching(/names several candidate groups \("fno-returns", "escorting"\); .* now belongs to "fno-returns"/) }]);
  });

  it('reports a computed group it cannot express, changing nothing when there is no literal group', async () => {
    const parsed = await parse('<bpmn:userTask id="Task_1" name="Assess" camunda:candidateGroups="${team}" />');
    const plan = planCamunda7Rewrites(parsed.elementsById);
    expect(plan.rewrites).toEqual([]);
    expect(plan.leftovers).toEqual([{ elementId: 'Task_1', message: expect.stringMatching(/^The candidate group "\$\{team\}" of Step "Assess" was not converted: a Casemap step belongs to one fixed team, not one computed from case data/) }]);
  });

  it('does not touch the owner of a step that already has a casework team, but still reports a computed group', async () => {
    const parsed = await parse('<bpmn:userTask id="Task_1" name="Assess" casework:team="escorting" camunda:candidateGroups="fno-returns,${team}" />');
    const plan = planCamunda7Rewrites(parsed.elementsById);
    expect(plan.rewrites).toEqual([]);
    expect(plan.leftovers).toHaveLength(1);
    expect(plan.leftovers[0]?.message).toContain('(here "escorting")');
  });

  it('turns a JUEL assignee into a FEEL assignee and reports one it cannot convert', async () => {
    const parsed = await parse('<bpmn:userTask id="Task_1" camunda:assignee="${initiator}" /><bpmn:userTask id="Task_2" camunda:assignee="${execution.getVariable(\'owner\')}" /><bpmn:userTask id="Task_3" camunda:assignee="tom" />');
    const plan = planCamunda7Rewrites(parsed.elementsById);
    expect(plan.rewrites).toMatchObject([{ kind: 'attributes', elementId: 'Task_1', set: { 'camunda:assignee': '=initiator' } }]);
    expect(plan.leftovers).toEqual([{ elementId: 'Task_2', message: expect.stringContaining(`"execution.getVariable('owner')" — it calls a Java method`) }]);
  });
});
