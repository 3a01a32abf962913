// The Designer's "Rewrite as FEEL" quick-fix, in Debian's Chromium against a real Casemap: a
// Camunda 7 diagram with a JUEL condition is imported, the problem offers the rewrite, one click
// replaces the condition with FEEL (the problem goes), and Undo brings the JUEL back.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHarness, type BrowserHarness } from './browser-harness.ts';

const camunda7 = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:casework="https://casemap.dev/schema/casework/1.0" id="Definitions_1" targetNamespace="https://casemap.dev/fixtures">
  <bpmn:process id="juel-referral" name="JUEL referral" isExecutable="true">
    <bpmn:startEvent id="Start_1" name="Referral received" />
    <bpmn:exclusiveGateway id="Gateway_1" name="Refused?" default="Flow_refused" />
    <bpmn:userTask id="Task_plan" name="Plan removal" casework:team="fno-returns" />
    <bpmn:endEvent id="End_1" name="Removal planned" />
    <bpmn:endEvent id="End_2" name="Refused" />
    <bpmn:sequenceFlow id="Flow_1" name="referred" sourceRef="Start_1" targetRef="Gateway_1" />
    <bpmn:sequenceFlow id="Flow_ok" name="not refused" sourceRef="Gateway_1" targetRef="Task_plan"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">#{!refused}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_refused" name="refused" sourceRef="Gateway_1" targetRef="End_2" />
    <bpmn:sequenceFlow id="Flow_2" name="planned" sourceRef="Task_plan" targetRef="End_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="juel-referral">
      <bpmndi:BPMNShape id="Start_1_di" bpmnElement="Start_1"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Gateway_1_di" bpmnElement="Gateway_1" isMarkerVisible="true"><dc:Bounds x="245" y="95" width="50" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_plan_di" bpmnElement="Task_plan"><dc:Bounds x="360" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="End_1_di" bpmnElement="End_1"><dc:Bounds x="532" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="End_2_di" bpmnElement="End_2"><dc:Bounds x="362" y="222" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="188" y="120" /><di:waypoint x="245" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_ok_di" bpmnElement="Flow_ok"><di:waypoint x="295" y="120" /><di:waypoint x="360" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_refused_di" bpmnElement="Flow_refused"><di:waypoint x="270" y="145" /><di:waypoint x="270" y="240" /><di:waypoint x="362" y="240" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="460" y="120" /><di:waypoint x="532" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

describe('the Designer quick-fix for JUEL conditions', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('rewrites a JUEL condition as FEEL in one click, clearing the problem, and Undo brings it back', async () => {
    // given a designer who imports a Camunda 7 diagram with the condition #{!refused}
    const { casemap, openPage, signIn, consoleErrors } = harness;
    const file = join(mkdtempSync(join(tmpdir(), 'casemap-juel-')), 'juel-referral.bpmn');
    writeFileSync(file, camunda7);
    const designer = await openPage();
    await signIn(designer, 'designer');
    await designer.goto(`${casemap.url}/#/designer/new`);
    await designer.locator('#import-bpmn').setInputFiles(file);
    await designer.locator('.djs-element[data-element-id="Task_plan"]').waitFor();
    const problems = designer.getByTestId('problems-list');
    const juelProblem = problems.getByRole('listitem').filter({ hasText: 'is written in JUEL (Camunda 7)' });
    await juelProblem.waitFor();
    await expect(juelProblem.textContent()).resolves.toContain('rewrite "#{!refused}" as "=not(refused)"');
    await harness.shot(designer, '60-designer-juel-problem');

    // when they choose the quick-fix
    await juelProblem.getByRole('button', { name: 'Rewrite as FEEL', exact: true }).click();

    // then the diagnostic is gone and the diagram carries the FEEL condition
    await juelProblem.waitFor({ state: 'detached' });
    await designer.getByTestId('no-problems').waitFor();
    await harness.shot(designer, '61-designer-juel-fixed');

    // when they undo
    await designer.getByRole('button', { name: 'Undo' }).click();

    // then the JUEL condition and its problem are back, with the quick-fix offered again
    await problems.getByRole('listitem').filter({ hasText: 'is written in JUEL (Camunda 7)' }).getByRole('button', { name: 'Rewrite as FEEL', exact: true }).waitFor();
    expect(consoleErrors).toEqual([]);
  }, 180_000);
});
