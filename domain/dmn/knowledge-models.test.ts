import { describe, expect, it } from 'vitest';
import { evaluateDecision } from './evaluate-decision.ts';
import { readDmn } from './read-dmn.ts';

const dmn = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="knowledge" name="knowledge" namespace="https://casemap.dev/tests">
  <itemDefinition name="tNames" isCollection="true"><typeRef>string</typeRef></itemDefinition>
  <itemDefinition name="tName"><typeRef>string</typeRef></itemDefinition>
  ${body}
</definitions>`;

/** A model deciding a case's priority by a table, and one counting days that invokes it. */
const models = `
  <businessKnowledgeModel id="bkm-priority" name="priority of">
    <variable name="priority of" />
    <encapsulatedLogic kind="FEEL">
      <formalParameter name="days" typeRef="number" />
      <decisionTable id="priority-table" hitPolicy="FIRST">
        <input id="priority-days"><inputExpression typeRef="number"><text>days</text></inputExpression></input>
        <output id="priority-out" name="priority" />
        <rule id="urgent"><inputEntry><text>&lt; 30</text></inputEntry><outputEntry><text>"urgent"</text></outputEntry></rule>
        <rule id="routine"><inputEntry><text>-</text></inputEntry><outputEntry><text>"routine"</text></outputEntry></rule>
      </decisionTable>
    </encapsulatedLogic>
  </businessKnowledgeModel>
  <businessKnowledgeModel id="bkm-label" name="label for">
    <variable name="label for" />
    <encapsulatedLogic>
      <formalParameter name="name" typeRef="string" />
      <formalParameter name="days" typeRef="number" />
      <literalExpression typeRef="string"><text>name + ": " + priority of(days)</text></literalExpression>
    </encapsulatedLogic>
    <knowledgeRequirement id="label-needs-priority"><requiredKnowledge href="#bkm-priority" /></knowledgeRequirement>
  </businessKnowledgeModel>`;

async function read(body: string) {
  const result = await readDmn(dmn(body));
  if (!result.ok) throw new Error(result.error.message);
  return result.value.decisions;
}

describe('business knowledge models', () => {
  it('are carried with the decision that requires them, with those they require in turn', async () => {
    const decisions = await read(`${models}
      <decision id="label" name="Label"><variable name="Label" typeRef="string" />
        <knowledgeRequirement id="r1"><requiredKnowledge href="#bkm-label" /></knowledgeRequirement>
        <literalExpression><text>label for(surname, days left)</text></literalExpression>
      </decision>`);
    expect(decisions[0]?.knowledge?.map((model) => [model.id, model.variable, model.parameters])).toEqual([
      ['bkm-label', 'label for', [{ name: 'name', shape: 'value' }, { name: 'days', shape: 'value' }]],
      ['bkm-priority', 'priority of', [{ name: 'days', shape: 'value' }]],
    ]);
  });

  it('are invoked from a decision like functions, positionally or by name, and may invoke one another', async () => {
    const decisions = await read(`${models}
      <decision id="label" name="Label"><variable name="Label" typeRef="string" />
        <knowledgeRequirement id="r1"><requiredKnowledge href="#bkm-label" /></knowledgeRequirement>
        <literalExpression><text>[label for(surname, days left), label for(days: 90, name: "Roe")]</text></literalExpression>
      </decision>`);
    expect(evaluateDecision(decisions, 'label', { surname: 'Doe', 'days left': 12 })).toMatchObject({ ok: true, value: { output: ['Doe: urgent', 'Roe: routine'] } });
  });

  it('see only their parameters, not the case data', async () => {
    const decisions = await read(`
      <businessKnowledgeModel id="bkm-leak" name="leak"><variable name="leak" />
        <encapsulatedLogic><formalParameter name="x" /><literalExpression><text>x + secret</text></literalExpression></encapsulatedLogic>
      </businessKnowledgeModel>
      <decision id="d" name="D"><variable name="D" />
        <knowledgeRequirement id="r1"><requiredKnowledge href="#bkm-leak" /></knowledgeRequirement>
        <literalExpression><text>leak(1)</text></literalExpression>
      </decision>`);
    expect(evaluateDecision(decisions, 'd', { secret: 41 })).toMatchObject({ ok: true, value: { output: null } });
  });

  it('fail the decision that invokes them with the reason, naming the model', async () => {
    const decisions = await read(`
      <businessKnowledgeModel id="bkm-strict" name="strict"><variable name="strict" />
        <encapsulatedLogic><formalParameter name="n" />
          <decisionTable id="strict-table" hitPolicy="UNIQUE">
            <input id="strict-in"><inputExpression><text>n</text></inputExpression></input>
            <output id="strict-out" name="out" />
            <rule id="one"><inputEntry><text>1</text></inputEntry><outputEntry><text>"one"</text></outputEntry></rule>
          </decisionTable>
        </encapsulatedLogic>
      </businessKnowledgeModel>
      <decision id="d" name="D"><variable name="D" />
        <knowledgeRequirement id="r1"><requiredKnowledge href="#bkm-strict" /></knowledgeRequirement>
        <literalExpression><text>strict(2)</text></literalExpression>
      </decision>`);
    const result = evaluateDecision(decisions, 'd', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'feel-error', decisionId: 'd' } });
    if (!result.ok) expect(result.error.message).toMatch(/No rule of the business knowledge model "strict" matches this case/);
  });

  it('are refused when their logic is something Casemap does not run, naming the model', async () => {
    const result = await readDmn(dmn(`
      <businessKnowledgeModel id="bkm-context" name="boxed"><variable name="boxed" />
        <encapsulatedLogic><context id="c" /></encapsulatedLogic>
      </businessKnowledgeModel>
      <decision id="d" name="D"><variable name="D" />
        <knowledgeRequirement id="r1"><requiredKnowledge href="#bkm-context" /></knowledgeRequirement>
        <literalExpression><text>boxed()</text></literalExpression>
      </decision>`));
    expect(result).toMatchObject({ ok: false, error: { code: 'dmn-unsupported', decisionId: 'bkm-context', message: expect.stringContaining('the business knowledge model "boxed" has Context') } });
  });
});

describe('results converted to the type of their variable (DMN 1.3 §10.3.2.9.4)', () => {
  const typed = (typeRef: string, expression: string) => `<decision id="d" name="D"><variable name="D" typeRef="${typeRef}" /><literalExpression><text>${expression}</text></literalExpression></decision>`;

  it.each([
    ['a one-item list typed as one value becomes its item', 'string', '["Bob"]', 'Bob'],
    ['through an item definition that renames a type', 'tName', '["Bob"]', 'Bob'],
    ['a longer list typed as one value stays a list', 'string', '["Bob", "Ann"]', ['Bob', 'Ann']],
    ['a one-item list typed as a collection stays a list', 'tNames', '["Bob"]', ['Bob']],
    ['a single value typed as a collection becomes a one-item list', 'tNames', '"Bob"', ['Bob']],
    ['an untyped result is left alone', 'Any', '["Bob"]', ['Bob']],
  ])('%s', async (_what, typeRef, expression, output) => {
    const decisions = await read(typed(typeRef, expression));
    expect(evaluateDecision(decisions, 'd', {})).toMatchObject({ ok: true, value: { output } });
  });
});
