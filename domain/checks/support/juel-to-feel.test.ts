import fc from 'fast-check';
import { evaluate } from 'feelin';
import { describe, expect, it } from 'vitest';
import { lintBpmn } from '../lint-bpmn.ts';
import { feelSyntaxProblem } from './feel.ts';
import { juelToFeel } from './juel-to-feel.ts';

const feelOf = (juel: string): string => {
  const converted = juelToFeel(juel);
  if (!converted.ok) throw new Error(`not converted: ${converted.part} (${converted.reason})`);
  return converted.feel;
};

describe('juelToFeel', () => {
  it.each([
    ['${approved}', '=approved'],
    ['${not approved}', '=not(approved)'],
    ['#{!x}', '=not(x)'],
    ['${a && b || !c}', '=a and b or not(c)'],
    ['${(a || b) && c}', '=(a or b) and c'],
    ['${amount gt 100 and status eq "open"}', '=amount > 100 and status = "open"'],
    ['${sentenceMonths >= 12}', '=sentenceMonths >= 12'],
    ['${x ne null}', '=x != null'],
    ['${a le b or a ge c or a lt d}', '=a <= b or a >= c or a < d'],
    ["${country == 'Côte d\\'Ivoire'}", '=country = "Côte d\'Ivoire"'],
    ['${case.risk.level == "high"}', '=case.risk.level = "high"'],
    ['${a < b == true}', '=(a < b) = true'],
    ['${a - (b - c)}', '=a - (b - c)'],
  ])('rewrites %s as %s', (juel, feel) => {
    expect(juelToFeel(juel)).toEqual({ ok: true, feel });
  });

  it('rewrites "empty" as a test that is true for null, "" and empty lists and contexts only', () => {
    const feel = feelOf('${empty dependants}').slice(1);
    const holds = (dependants: unknown): unknown => evaluate(feel, dependants === undefined ? {} : { dependants }).value;
    expect([undefined, null, '', [], {}].map(holds)).toEqual([true, true, true, true, true]);
    expect(['a', [1], { a: 1 }, 0, false].map(holds)).toEqual([false, false, false, false, false]);
    expect(evaluate(feelOf('${not empty dependants}').slice(1), { dependants: [1] }).value).toBe(true);
  });

  it.each([
    ['${execution.getVariable("approved")}', 'execution.getVariable("approved")', /calls a Java method/],
    ['${approved ? "yes" : "no"}', 'approved ? "yes" : "no"', /if … then … else/],
    ['${dependants[0].age > 16}', 'dependants[0].age > 16', /indexes from 0/],
    ['${execution}', 'execution', /Camunda 7's engine object/],
    ['${a mod 2 == 0}', 'mod', /no direct FEEL equivalent/],
    ['${$weird}', '$weird', /cannot contain "\$"/],
    ['${for == 1}', 'for', /keyword/],
    ['${name == "open}', '"open', /never closed/],
    ['${(a && b}', '(a && b', /never closed/],
    ['${a &&}', 'a &&', /ends too early/],
  ])('leaves %s unconverted and names "%s"', (juel, part, reason) => {
    const converted = juelToFeel(juel);
    expect(converted.ok).toBe(false);
    if (converted.ok) return;
    expect(converted.part).toBe(part);
    expect(converted.reason).toMatch(reason);
  });

  it('does not take text that is not one JUEL expression', () => {
    expect(juelToFeel('=approved')).toMatchObject({ ok: false, part: '=approved' });
  });
});

// Typed JUEL over boolean and number variables, with a reference meaning to compare FEEL against.
type Juel = { text: string; value: (env: Env) => boolean | number };
type Env = Record<'b1' | 'b2' | 'b3', boolean> & Record<'n1' | 'n2', number>;

const pick = <T,>(...values: T[]) => fc.constantFrom(...values);
const { bool } = fc.letrec<{ bool: Juel; num: Juel }>((tie) => ({
  bool: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    pick<Juel>(...(['b1', 'b2', 'b3'] as const).map((name) => ({ text: name, value: (env: Env) => env[name] })), { text: 'true', value: () => true }, { text: 'false', value: () => false }),
    fc.tuple(pick('!', 'not ', '! '), tie('bool')).map(([op, a]) => ({ text: `${op}${wrap(a)}`, value: (env: Env) => !a.value(env) })),
    fc.tuple(tie('bool'), pick('&&', 'and', '||', 'or'), tie('bool')).map(([a, op, b]) => ({
      text: `${wrap(a)} ${op} ${wrap(b)}`,
      value: (env: Env) => (op === '&&' || op === 'and' ? a.value(env) && b.value(env) : a.value(env) || b.value(env)),
    })),
    fc.tuple(tie('num'), pick('==', 'eq', '!=', 'ne', '<', 'lt', '>', 'gt', '<=', 'le', '>=', 'ge'), tie('num')).map(([a, op, b]) => ({
      text: `${wrap(a)} ${op} ${wrap(b)}`,
      value: (env: Env) => compare(op, a.value(env) as number, b.value(env) as number),
    })),
  ),
  num: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    pick<Juel>(...(['n1', 'n2'] as const).map((name) => ({ text: name, value: (env: Env) => env[name] }))),
    fc.integer({ min: 0, max: 99 }).map((n) => ({ text: String(n), value: () => n })),
    fc.tuple(tie('num'), pick('+', '-', '*'), tie('num')).map(([a, op, b]) => ({
      text: `${wrap(a)} ${op} ${wrap(b)}`,
      value: (env: Env) => {
        const [x, y] = [a.value(env) as number, b.value(env) as number];
        return op === '+' ? x + y : op === '-' ? x - y : x * y;
      },
    })),
  ),
}));

// The generator's own text always brackets compound operands, so the JUEL it prints means what `value` says.
const wrap = (juel: Juel): string => (/^[\w.]+$/.test(juel.text) ? juel.text : `(${juel.text})`);

function compare(op: string, a: number, b: number): boolean {
  switch (op) {
    case '==': case 'eq': return a === b;
    case '!=': case 'ne': return a !== b;
    case '<': case 'lt': return a < b;
    case '>': case 'gt': return a > b;
    case '<=': case 'le': return a <= b;
    default: return a >= b;
  }
}

const env = fc.record({ b1: fc.boolean(), b2: fc.boolean(), b3: fc.boolean(), n1: fc.integer({ min: -50, max: 50 }), n2: fc.integer({ min: -50, max: 50 }) });

const diagramWith = (condition: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_1" targetNamespace="https://casemap.dev/fixtures">
  <bpmn:process id="Process_1" isExecutable="true">
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Gateway_1" targetRef="Task_1"><bpmn:conditionExpression>${condition.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:exclusiveGateway id="Gateway_1" /><bpmn:task id="Task_1" />
  </bpmn:process>
</bpmn:definitions>`;

describe('juelToFeel on generated JUEL', () => {
  it('always gives FEEL that parses and means what the JUEL meant', () => {
    fc.assert(
      fc.property(bool, fc.constantFrom('$', '#'), env, (juel, marker, values) => {
        const feel = feelOf(`${marker}{${juel.text}}`);
        expect(feel.startsWith('=')).toBe(true);
        expect(feelSyntaxProblem(feel.slice(1))).toBeUndefined();
        expect(evaluate(feel.slice(1), values).value).toBe(juel.value(values));
      }),
      { numRuns: 400 },
    );
  });

  it('always gives a condition the FEEL check accepts', async () => {
    const onlyFeel = { config: { rules: { 'casemap/feel-expressions-parse': 'error' as const } } };
    // given the check, run alone, rejects the JUEL itself
    expect((await lintBpmn(diagramWith('#{!x}'), onlyFeel)).map((finding) => finding.rule)).toEqual(['feel-expressions-parse']);
    // then it accepts every rewrite
    const samples = fc.sample(bool, { numRuns: 40, seed: 18 }).map((juel) => juel.text);
    for (const juel of ['!x', ...samples]) {
      expect(await lintBpmn(diagramWith(feelOf(`#{${juel}}`)), onlyFeel), juel).toEqual([]);
    }
  });
});
