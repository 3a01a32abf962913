import { describe, expect, it } from 'vitest';
import { compile } from './compile.ts';
import type { Diagnostic } from './diagnostics.ts';

const diagram = (body: string, executable = true) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:casework="https://casemap.dev/schema/casework/1.0" id="Definitions_1" targetNamespace="https://casemap.dev/fixtures">
  <bpmn:process id="Process_1" isExecutable="${executable}">${body}</bpmn:process>
</bpmn:definitions>`;

const BOOKING = `
  <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Book" />
  <bpmn:serviceTask id="Book" name="Book flight" casework:handler="book-flight" />
  <bpmn:sequenceFlow id="F2" sourceRef="Book" targetRef="Undo" />
  <bpmn:boundaryEvent id="Booked" name="Booking to cancel" attachedToRef="Book"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>`;

const HANDLER = `<bpmn:serviceTask id="Cancel" name="Cancel flight" isForCompensation="true" casework:handler="cancel-flight" />`;

const compensationFindings = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.code === 'invalid-compensation' || d.code === 'not-executable-element');

describe('compensation in the compiler', () => {
  it('wires a compensation boundary event to the undo step associated with it, and reads the throw event', async () => {
    // when
    const { ir, diagnostics } = await compile(
      diagram(`${BOOKING}${HANDLER}
        <bpmn:association id="A1" associationDirection="One" sourceRef="Booked" targetRef="Cancel" />
        <bpmn:intermediateThrowEvent id="Undo" name="Undo booking"><bpmn:compensateEventDefinition activityRef="Book" waitForCompletion="false" /></bpmn:intermediateThrowEvent>
        <bpmn:sequenceFlow id="F3" sourceRef="Undo" targetRef="End" /><bpmn:endEvent id="End" />`),
    );
    // then
    expect(compensationFindings(diagnostics)).toEqual([]);
    expect(ir.nodes.find((n) => n.id === 'Booked')?.trigger).toEqual({ type: 'compensate', handler: 'Cancel' });
    expect(ir.nodes.find((n) => n.id === 'Cancel')?.isForCompensation).toBe(true);
    expect(ir.nodes.find((n) => n.id === 'Undo')?.trigger).toEqual({ type: 'compensate', activityRef: 'Book', waitForCompletion: false });
  });

  it('accepts an association drawn from the undo step to the boundary event', async () => {
    // when
    const { ir } = await compile(diagram(`${BOOKING}${HANDLER}<bpmn:association id="A1" sourceRef="Cancel" targetRef="Booked" /><bpmn:endEvent id="Undo" />`));
    // then
    expect(ir.nodes.find((n) => n.id === 'Booked')?.trigger).toEqual({ type: 'compensate', handler: 'Cancel' });
  });

  it('refuses a compensation boundary event with no undo step, naming the boundary and the step it sits on', async () => {
    // when
    const { diagnostics } = await compile(diagram(`${BOOKING}<bpmn:endEvent id="Undo" />`));
    // then
    expect(compensationFindings(diagnostics)).toEqual([
      expect.objectContaining({
        code: 'invalid-compensation',
        severity: 'error',
        elementId: 'Booked',
        message: 'The boundary event "Booking to cancel" (Booked) on the service task "Book flight" (Book) has no undo step: draw an association from it to the compensation activity (marked "for compensation") that undoes the work.',
      }),
    ]);
  });

  it('only notes it, rather than refusing, outside an executable process', async () => {
    // when
    const { diagnostics } = await compile(diagram(`${BOOKING}<bpmn:endEvent id="Undo" />`, false));
    // then
    expect(compensationFindings(diagnostics).map((d) => [d.elementId, d.severity])).toEqual([['Booked', 'info']]);
  });

  it('refuses a boundary associated with a step not marked for compensation', async () => {
    // when
    const { diagnostics } = await compile(
      diagram(`${BOOKING}<bpmn:serviceTask id="Plain" name="Cancel flight" casework:handler="cancel-flight" /><bpmn:association id="A1" sourceRef="Booked" targetRef="Plain" /><bpmn:endEvent id="Undo" />`),
    );
    // then
    expect(compensationFindings(diagnostics)).toEqual([
      expect.objectContaining({ elementId: 'Booked', message: expect.stringMatching(/is associated with the service task "Cancel flight" \(Plain\), which is not a compensation activity: mark that step "for compensation"/) }),
    ]);
  });

  it('refuses an undo step that nothing triggers, and one with sequence flows', async () => {
    // when
    const { diagnostics } = await compile(
      diagram(`${BOOKING}${HANDLER}<bpmn:endEvent id="Undo" /><bpmn:sequenceFlow id="F9" sourceRef="Cancel" targetRef="Undo" />`),
    );
    // then
    expect(compensationFindings(diagnostics).map((d) => [d.elementId, d.message.replace(/:.*/, '')])).toEqual([
      ['Booked', 'The boundary event "Booking to cancel" (Booked) on the service task "Book flight" (Book) has no undo step'],
      ['Cancel', 'The service task "Cancel flight" (Cancel) is a compensation activity with sequence flows'],
      ['Cancel', 'The service task "Cancel flight" (Cancel) is a compensation activity that no compensation boundary event is associated with, so it never runs'],
    ]);
  });

  it('refuses an activityRef to a step in another scope, or to a step with nothing to undo', async () => {
    // when
    const { diagnostics } = await compile(
      diagram(`${BOOKING}${HANDLER}<bpmn:association id="A1" sourceRef="Booked" targetRef="Cancel" />
        <bpmn:task id="Plain" name="Check" />
        <bpmn:subProcess id="Sub"><bpmn:endEvent id="Inner"><bpmn:compensateEventDefinition activityRef="Book" /></bpmn:endEvent></bpmn:subProcess>
        <bpmn:endEvent id="Undo"><bpmn:compensateEventDefinition activityRef="Plain" /></bpmn:endEvent>`),
    );
    // then
    expect(compensationFindings(diagnostics).map((d) => [d.elementId, d.message])).toEqual([
      ['Undo', expect.stringMatching(/^The end event Undo compensates the task "Check" \(Plain\), which has no compensation boundary event/)],
      ['Inner', expect.stringMatching(/^The end event Inner compensates the service task "Book flight" \(Book\), which sits in another process or sub-process/)],
    ]);
  });

  it('still keeps compensation start events on the map only', async () => {
    // when
    const { diagnostics } = await compile(diagram('<bpmn:startEvent id="Comp"><bpmn:compensateEventDefinition /></bpmn:startEvent>'));
    // then
    expect(compensationFindings(diagnostics)).toEqual([expect.objectContaining({ code: 'not-executable-element', elementId: 'Comp' })]);
  });
});
