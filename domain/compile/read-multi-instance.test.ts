import { describe, expect, it } from 'vitest';
import { compile } from './compile.ts';

const diagram = (body: string, executable = true) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:casework="https://casemap.dev/schema/casework/1.0" id="Definitions_1" targetNamespace="https://casemap.dev/fixtures">
  <bpmn:process id="Process_1" isExecutable="${executable}">${body}</bpmn:process>
</bpmn:definitions>`;

const task = (loop: string) => `<bpmn:userTask id="Task_each" name="Check dependant">${loop}</bpmn:userTask>`;

async function compiled(body: string, executable = true) {
  const { ir, diagnostics } = await compile(diagram(body, executable));
  return { node: ir.nodes.find((n) => n.id === 'Task_each'), diagnostics: diagnostics.filter((d) => d.elementId === 'Task_each') };
}

describe('multi-instance markers in the compiler', () => {
  it('reads zeebe:loopCharacteristics and the standard completion condition into what the engine runs', async () => {
    // when
    const { node, diagnostics } = await compiled(
      task(`<bpmn:multiInstanceLoopCharacteristics isSequential="true">
        <bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=dependants" inputElement="dependant" outputCollection="checks" outputElement="=check" /></bpmn:extensionElements>
        <bpmn:completionCondition>=numberOfCompletedInstances &gt;= 2</bpmn:completionCondition>
      </bpmn:multiInstanceLoopCharacteristics>`),
    );
    // then
    expect(diagnostics).toEqual([]);
    expect(node?.multiInstance).toBe('sequential');
    expect(node?.instances).toEqual({
      inputCollection: 'dependants',
      inputElement: 'dependant',
      outputCollection: 'checks',
      outputElement: 'check',
      completionCondition: 'numberOfCompletedInstances >= 2',
    });
  });

  it('reads the same attributes as casework:loopCharacteristics, and a loop cardinality', async () => {
    // when
    const withCasework = await compiled(task('<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><casework:loopCharacteristics inputCollection="=family" inputElement="member" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>'));
    const withCardinality = await compiled(task('<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>'));
    // then
    expect(withCasework.diagnostics).toEqual([]);
    expect(withCasework.node?.instances).toEqual({ inputCollection: 'family', inputElement: 'member' });
    expect(withCardinality.diagnostics).toEqual([]);
    expect(withCardinality.node?.instances).toEqual({ cardinality: '3' });
  });

  it('refuses a marker that says neither what it runs over nor how many times, naming the step', async () => {
    // when
    const { diagnostics } = await compiled(task('<bpmn:multiInstanceLoopCharacteristics />'));
    // then
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'invalid-multi-instance',
        severity: 'error',
        attribute: 'inputCollection',
        message: expect.stringMatching(/^The user task "Check dependant" \(Task_each\) runs as multi-instance, but it does not say over what: set its input collection/),
      }),
    ]);
  });

  it('only warns about an incomplete marker in a process that is not executable', async () => {
    // when
    const { diagnostics } = await compiled(task('<bpmn:multiInstanceLoopCharacteristics />'), false);
    // then
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['invalid-multi-instance', 'warning']]);
  });

  it('refuses JUEL, bad field names, a lone output collection and too many instances, each by attribute', async () => {
    // when
    const juel = await compiled(task('<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="${dependants}" inputElement="the dependant" outputCollection="checks" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>'));
    const many = await compiled(task('<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>5000</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>'));
    // then
    expect(juel.diagnostics.map((d) => (d.code === 'invalid-multi-instance' ? d.attribute : d.code))).toEqual(['inputCollection', 'inputElement', 'outputElement']);
    expect(many.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/its loop cardinality is 5000; Casemap runs at most 1000 instances of one step/)]);
  });

  it('no longer reports a multi-instance step as one Casemap cannot run', async () => {
    // when
    const { diagnostics } = await compiled(task('<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>2</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>'));
    // then
    expect(diagnostics.filter((d) => d.code === 'not-executable-element')).toEqual([]);
  });
});
