import { describe, expect, it } from 'vitest';
import type { Decision } from './decision-ir.ts';
import { dmnXml, type TableSpec } from './dmn-xml.testing.ts';
import { evaluateDecision } from './evaluate-decision.ts';
import { readDmn } from './read-dmn.ts';

async function decisions(specs: Parameters<typeof dmnXml>[0]): Promise<Decision[]> {
  const read = await readDmn(dmnXml(specs));
  if (!read.ok) throw new Error(read.error.message);
  return read.value.decisions;
}

async function tableWith(hitPolicy: string, extra: Partial<TableSpec> = {}): Promise<Decision[]> {
  return decisions([
    {
      id: 'grade',
      hitPolicy,
      inputs: ['score'],
      outputs: [{ name: 'grade', outputValues: '"high", "medium", "low"' }],
      rules: [
        ['>= 50', '"low"'],
        ['>= 70', '"high"'],
        ['[60..80]', '"medium"'],
      ],
      ...extra,
    },
  ]);
}

describe('evaluating a decision table', () => {
  it('gives the one matching rule under UNIQUE and records it', async () => {
    const result = evaluateDecision(await tableWith('UNIQUE'), 'grade', { score: 55 });
    expect(result).toEqual({ ok: true, value: { output: 'low', evaluations: [{ decisionId: 'grade', decisionName: 'grade', matchedRules: [{ ruleId: 'grade-rule-1', index: 1 }], output: 'low' }] } });
  });

  it('refuses several matching rules under UNIQUE, naming the decision and the rules', async () => {
    const result = evaluateDecision(await tableWith('UNIQUE'), 'grade', { score: 75 });
    expect(result).toMatchObject({ ok: false, error: { code: 'rules-conflict', decisionId: 'grade', ruleIds: ['grade-rule-1', 'grade-rule-2', 'grade-rule-3'] } });
  });

  it('refuses a case no rule matches under UNIQUE', async () => {
    const result = evaluateDecision(await tableWith('UNIQUE'), 'grade', { score: 10 });
    expect(result).toMatchObject({ ok: false, error: { code: 'no-rule-matched', decisionId: 'grade' } });
  });

  it('gives null when no rule matches under FIRST and an empty list under RULE ORDER', async () => {
    expect(evaluateDecision(await tableWith('FIRST'), 'grade', { score: 10 })).toMatchObject({ ok: true, value: { output: null } });
    expect(evaluateDecision(await tableWith('RULE ORDER'), 'grade', { score: 10 })).toMatchObject({ ok: true, value: { output: [] } });
  });

  it('takes the first matching rule under FIRST but records every rule that matched', async () => {
    const result = evaluateDecision(await tableWith('FIRST'), 'grade', { score: 75 });
    expect(result).toMatchObject({ ok: true, value: { output: 'low', evaluations: [{ matchedRules: [{ index: 1 }, { index: 2 }, { index: 3 }] }] } });
  });

  it('takes the matching output highest in the output values under PRIORITY', async () => {
    expect(evaluateDecision(await tableWith('PRIORITY'), 'grade', { score: 65 })).toMatchObject({ ok: true, value: { output: 'medium' } });
    expect(evaluateDecision(await tableWith('PRIORITY'), 'grade', { score: 75 })).toMatchObject({ ok: true, value: { output: 'high' } });
  });

  it('lists outputs by output value order under OUTPUT ORDER and by rule order under RULE ORDER', async () => {
    expect(evaluateDecision(await tableWith('OUTPUT ORDER'), 'grade', { score: 75 })).toMatchObject({ ok: true, value: { output: ['high', 'medium', 'low'] } });
    expect(evaluateDecision(await tableWith('RULE ORDER'), 'grade', { score: 75 })).toMatchObject({ ok: true, value: { output: ['low', 'high', 'medium'] } });
  });

  it('accepts agreeing rules under ANY and refuses disagreeing ones', async () => {
    const agreeing = await decisions([{ id: 'd', hitPolicy: 'ANY', inputs: ['n'], outputs: ['ok'], rules: [['> 1', 'true'], ['> 2', 'true']] }]);
    expect(evaluateDecision(agreeing, 'd', { n: 5 })).toMatchObject({ ok: true, value: { output: true } });
    expect(evaluateDecision(await tableWith('ANY'), 'grade', { score: 75 })).toMatchObject({ ok: false, error: { code: 'rules-conflict', decisionId: 'grade' } });
  });

  it('collects every matching output, or their sum, minimum, maximum or count', async () => {
    const points = (aggregation?: string) =>
      decisions([{ id: 'points', hitPolicy: 'COLLECT', ...(aggregation ? { aggregation } : {}), inputs: ['offences'], outputs: ['points'], rules: [['> 0', '10'], ['> 2', '5'], ['> 4', '1'], ['< 0', '99']] }]);
    const at = async (aggregation?: string) => evaluateDecision(await points(aggregation), 'points', { offences: 5 });
    expect(await at()).toMatchObject({ ok: true, value: { output: [10, 5, 1] } });
    expect(await at('SUM')).toMatchObject({ ok: true, value: { output: 16 } });
    expect(await at('MIN')).toMatchObject({ ok: true, value: { output: 1 } });
    expect(await at('MAX')).toMatchObject({ ok: true, value: { output: 10 } });
    expect(await at('COUNT')).toMatchObject({ ok: true, value: { output: 3 } });
  });

  it('gives an object keyed by output name when a table has several outputs', async () => {
    const table = await decisions([{ id: 'd', inputs: ['age', 'status'], outputs: ['eligible', 'reason'], rules: [['>= 18', '"settled","pre-settled"', 'true', '"adult with status"'], ['< 18', '-', 'false', '"a child"']] }]);
    expect(evaluateDecision(table, 'd', { age: 20, status: 'settled' })).toMatchObject({ ok: true, value: { output: { eligible: true, reason: 'adult with status' } } });
  });

  it('evaluates unary tests with ranges, lists, negation, the input placeholder and case data', async () => {
    const table = await decisions([
      { id: 'd', hitPolicy: 'RULE ORDER', inputs: ['n'], outputs: ['which'], rules: [['[1..5]', '"range"'], ['3, 9', '"list"'], ['not(3)', '"not"'], ['? > limit', '"over limit"'], ['-', '"any"']] },
    ]);
    expect(evaluateDecision(table, 'd', { n: 3, limit: 2 })).toMatchObject({ ok: true, value: { output: ['range', 'list', 'over limit', 'any'] } });
  });

  it('names the decision and rule whose cell is not valid FEEL', async () => {
    const table = await decisions([{ id: 'd', inputs: ['n'], outputs: ['x'], rules: [['> 1', '1 +']] }]);
    expect(evaluateDecision(table, 'd', { n: 2 })).toMatchObject({ ok: false, error: { code: 'feel-error', decisionId: 'd', ruleId: 'd-rule-1' } });
  });

  it('stops a cell that does too much work instead of running it', async () => {
    const table = await decisions([{ id: 'd', inputs: ['n'], outputs: ['x'], rules: [['count(for i in 1..100000000 return i) > 0', '1']] }]);
    expect(evaluateDecision(table, 'd', { n: 2 })).toMatchObject({ ok: false, error: { code: 'feel-error', decisionId: 'd' } });
  });
});

describe('evaluating literal expressions and requirements', () => {
  it('evaluates required decisions first and reads their results by name', async () => {
    const graph = await decisions([
      { id: 'total', name: 'Total', expression: 'sum(claims)' },
      { id: 'band', name: 'Band', inputs: ['Total'], outputs: ['band'], rules: [['< 100', '"small"'], ['>= 100', '"large"']], requires: ['total'] },
    ]);
    const result = evaluateDecision(graph, 'band', { claims: [40, 80] });
    expect(result).toMatchObject({ ok: true, value: { output: 'large', evaluations: [{ decisionId: 'total', output: 120 }, { decisionId: 'band', output: 'large', matchedRules: [{ index: 2 }] }] } });
  });

  it('reads now() from the given instant, not the clock', async () => {
    const graph = await decisions([{ id: 'year', expression: 'now().year' }]);
    expect(evaluateDecision(graph, 'year', {}, { now: '2031-05-01T10:00:00Z' })).toMatchObject({ ok: true, value: { output: 2031 } });
  });

  it('gives dates as ISO text so they can be stored as case data', async () => {
    const graph = await decisions([{ id: 'due', expression: 'date("2026-01-01") + duration("P10D")' }]);
    expect(evaluateDecision(graph, 'due', {})).toMatchObject({ ok: true, value: { output: '2026-01-11' } });
  });

  it('names a decision that is not there', async () => {
    expect(evaluateDecision(await tableWith('FIRST'), 'nope', {})).toMatchObject({ ok: false, error: { code: 'decision-missing', decisionId: 'nope' } });
  });
});
