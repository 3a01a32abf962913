import { describe, expect, it } from 'vitest';
import { compile } from './compile.ts';

const diagram = (starts: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:casework="https://casemap.dev/schema/casework/1.0" id="Definitions_1" targetNamespace="https://casemap.dev/fixtures">
  <bpmn:signal id="Signal_guidance" name="Country guidance changed" />
  <bpmn:process id="Process_1" isExecutable="true">
    ${starts}
    <bpmn:userTask id="Review" name="Review the case against the new guidance" casework:team="fno-returns" />
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F_review" sourceRef="Review" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

const SIGNAL_START = `<bpmn:startEvent id="Guidance" name="Country guidance changed"><bpmn:signalEventDefinition signalRef="Signal_guidance" /></bpmn:startEvent>
    <bpmn:sequenceFlow id="F_guidance" sourceRef="Guidance" targetRef="Review" />`;
const NONE_START = `<bpmn:startEvent id="Keyed" name="Case keyed in" />
    <bpmn:sequenceFlow id="F_keyed" sourceRef="Keyed" targetRef="Review" />`;

describe('signal start events in the compiler', () => {
  it('compiles a process that a signal starts as executable, reading the signal name', async () => {
    // when
    const { ir, diagnostics } = await compile(diagram(SIGNAL_START));
    // then
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(ir.nodes.find((n) => n.id === 'Guidance')?.trigger).toEqual({ type: 'signal', signalName: 'Country guidance changed' });
  });

  it('compiles a none start and a signal start side by side, both at the top level of the process', async () => {
    // when
    const { ir, diagnostics } = await compile(diagram(`${NONE_START}\n    ${SIGNAL_START}`));
    // then
    expect(diagnostics.filter((d) => d.code === 'not-executable-element')).toEqual([]);
    const starts = ir.nodes.filter((n) => n.kind === 'startEvent' && n.processId === ir.mainProcessId && !n.parentId);
    expect(starts.map((n) => [n.id, n.trigger?.type ?? 'none'])).toEqual([
      ['Keyed', 'none'],
      ['Guidance', 'signal'],
    ]);
  });
});
