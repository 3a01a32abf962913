import { describe, expect, it } from 'vitest';
import { compile } from './compile.ts';

const diagram = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_1" targetNamespace="https://casemap.dev/fixtures">
  <bpmn:process id="Process_1" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;

const notExecutable = (diagnostics: readonly { code: string; elementId?: string; severity: string; message: string }[], id: string) =>
  diagnostics.filter((d) => d.code === 'not-executable-element' && d.elementId === id);

describe('script tasks and link events in the compiler', () => {
  it('compiles a zeebe:script task to a FEEL expression and result variable the engine runs', async () => {
    const { ir, diagnostics } = await compile(diagram('<bpmn:scriptTask id="Script_1"><bpmn:extensionElements><zeebe:script expression="=count(dependants)" resultVariable="people" /></bpmn:extensionElements></bpmn:scriptTask>'));
    expect(ir.nodes.find((n) => n.id === 'Script_1')?.script).toEqual({ expression: 'count(dependants)', resultVariable: 'people' });
    expect(notExecutable(diagnostics, 'Script_1')).toEqual([]);
  });

  it('accepts a standard script in FEEL with a Camunda result variable', async () => {
    const { ir, diagnostics } = await compile(diagram('<bpmn:scriptTask id="Script_1" scriptFormat="FEEL" camunda:resultVariable="adult"><bpmn:script>age >= 18</bpmn:script></bpmn:scriptTask>'));
    expect(ir.nodes.find((n) => n.id === 'Script_1')?.script).toEqual({ expression: 'age >= 18', resultVariable: 'adult' });
    expect(notExecutable(diagnostics, 'Script_1')).toEqual([]);
  });

  it('keeps a script in another language mapped only, with an error naming the language', async () => {
    const { ir, diagnostics } = await compile(diagram('<bpmn:scriptTask id="Script_1" name="Calculate" scriptFormat="groovy"><bpmn:script>x + 1</bpmn:script></bpmn:scriptTask>'));
    expect(ir.nodes.find((n) => n.id === 'Script_1')?.script).toBeUndefined();
    expect(notExecutable(diagnostics, 'Script_1')).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^The script task "Calculate" \(Script_1\) is kept on the map, but Casemap does not run script tasks in "groovy", only FEEL scripts/) }),
    ]);
  });

  it('refuses a FEEL script without a result variable, and one that does not parse', async () => {
    const { diagnostics } = await compile(
      diagram(
        '<bpmn:scriptTask id="Script_1"><bpmn:extensionElements><zeebe:script expression="=1" /></bpmn:extensionElements></bpmn:scriptTask>' +
          '<bpmn:scriptTask id="Script_2"><bpmn:extensionElements><zeebe:script expression="=count(" resultVariable="n" /></bpmn:extensionElements></bpmn:scriptTask>',
      ),
    );
    expect(notExecutable(diagnostics, 'Script_1')[0]?.message).toMatch(/FEEL script tasks without a result variable/);
    expect(diagnostics.filter((d) => d.elementId === 'Script_2').map((d) => d.code)).toEqual(['invalid-feel']);
  });

  it('runs throwing and catching link events', async () => {
    const { ir, diagnostics } = await compile(
      diagram('<bpmn:intermediateThrowEvent id="Throw_1"><bpmn:linkEventDefinition name="next" /></bpmn:intermediateThrowEvent><bpmn:intermediateCatchEvent id="Catch_1"><bpmn:linkEventDefinition name="next" /></bpmn:intermediateCatchEvent>'),
    );
    expect(ir.nodes.find((n) => n.id === 'Throw_1')?.trigger).toEqual({ type: 'link', linkName: 'next' });
    expect([...notExecutable(diagnostics, 'Throw_1'), ...notExecutable(diagnostics, 'Catch_1')]).toEqual([]);
  });

  it('suggests the converted FEEL for a JUEL condition', async () => {
    const { diagnostics } = await compile(diagram('<bpmn:sequenceFlow id="Flow_1" sourceRef="A" targetRef="B"><bpmn:conditionExpression>#{!refused}</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:task id="A" /><bpmn:task id="B" />'));
    expect(diagnostics.find((d) => d.code === 'juel-expression')?.message).toMatch(/so rewrite it as "=not\(refused\)"\.$/);
  });
});
