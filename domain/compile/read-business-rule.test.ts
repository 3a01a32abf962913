import { describe, expect, it } from 'vitest';
import { lintBpmn } from '../checks/lint-bpmn.ts';
import { compile } from './compile.ts';

const diagram = (extension: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="https://casemap.dev/tests">
  <bpmn:process id="P" name="Rules" isExecutable="true">
    <bpmn:startEvent id="Start" name="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:businessRuleTask id="Decide" name="Decide eligibility">${extension}<bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:businessRuleTask>
    <bpmn:endEvent id="End" name="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Decide" />
    <bpmn:sequenceFlow id="F2" sourceRef="Decide" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

const calling = (attributes: string) => diagram(`<bpmn:extensionElements><zeebe:calledDecision ${attributes} /></bpmn:extensionElements>`);

describe('reading business rule tasks', () => {
  it('reads the called decision and its result variable, and lets the task run', async () => {
    const xml = calling('decisionId="ers" resultVariable="eligible"');
    const { ir, diagnostics } = await compile(xml);
    expect(ir.nodes.find((node) => node.id === 'Decide')?.decision).toEqual({ decisionId: 'ers', resultVariable: 'eligible' });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect((await lintBpmn(xml)).filter((finding) => finding.elementId === 'Decide' && finding.severity === 'error')).toEqual([]);
  });

  it('refuses to run a called decision without a result variable, saying what to set', async () => {
    const { diagnostics } = await compile(calling('decisionId="ers"'));
    expect(diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'not-executable-element', elementId: 'Decide', severity: 'error', message: expect.stringContaining('resultVariable') })]));
  });

  it('refuses to run a business rule task that calls no decision and has no handler', async () => {
    const xml = diagram('');
    const { diagnostics } = await compile(xml);
    expect(diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'not-executable-element', elementId: 'Decide', message: expect.stringContaining('zeebe:calledDecision') })]));
    expect(await lintBpmn(xml)).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'executable-elements-only', elementId: 'Decide' })]));
  });
});
