// The sample Early Removal Scheme eligibility decisions (ers-eligibility.dmn) read, and decide the
// FNO cases the table describes; the FNO process's case data fields are its inputs.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Decision } from '../domain/dmn/decision-ir.ts';
import { evaluateDecision } from '../domain/dmn/evaluate-decision.ts';
import { readDmn } from '../domain/dmn/read-dmn.ts';

const TODAY = '2027-01-10T09:00:00Z';
let decisions: Decision[];

beforeAll(async () => {
  const read = await readDmn(readFileSync(new URL('./ers-eligibility.dmn', import.meta.url), 'utf8'));
  if (!read.ok) throw new Error(read.error.message);
  decisions = read.value.decisions;
});

const decide = (data: Record<string, unknown>) => evaluateDecision(decisions, 'ers-eligibility', data, { now: TODAY });

describe('the sample ERS eligibility decisions', () => {
  it('work out the days to the ERS date first, from today', () => {
    const result = decide({ deportationDecision: 'deport', sentenceLengthMonths: 30, ersEligibilityDate: '2027-03-01' });
    expect(result).toMatchObject({ ok: true, value: { evaluations: [{ decisionId: 'days-to-ers-date', output: 50 }, { decisionId: 'ers-eligibility' }] } });
  });

  it('gives only the routes its output values list, "close the case" among them, which the FNO process routes on', () => {
    const table = decisions.find((decision) => decision.id === 'ers-eligibility')?.logic;
    if (table?.type !== 'decisionTable') throw new Error('ers-eligibility is not a decision table');
    const column = table.outputs.findIndex((output) => output.name === 'route');
    const listed = table.outputs[column]?.outputValues?.split(',').map((value) => value.trim());
    expect(listed).toContain('"close the case"');
    expect(table.rules.map((rule) => rule.outputEntries[column]).filter((route) => !listed?.includes(route ?? ''))).toEqual([]);
  });

  it.each([
    ['a do-not-deport decision', { deportationDecision: 'do-not-deport', sentenceLengthMonths: 30, ersEligibilityDate: '2027-09-01' }, { eligible: false, route: 'close the case' }, 1],
    ['a short sentence', { deportationDecision: 'deport', sentenceLengthMonths: 8, ersEligibilityDate: '2027-09-01' }, { eligible: false, route: 'remove at the conditional release date' }, 2],
    ['a passed ERS date', { deportationDecision: 'deport', sentenceLengthMonths: 30, ersEligibilityDate: '2026-12-01' }, { eligible: false, route: 'remove at the conditional release date' }, 3],
    ['an ERS date 50 days away', { deportationDecision: 'deport', sentenceLengthMonths: 30, ersEligibilityDate: '2027-03-01' }, { eligible: true, route: 'prioritise barrier clearance and documents' }, 4],
    ['an ERS date months away', { deportationDecision: 'deport', sentenceLengthMonths: 30, ersEligibilityDate: '2027-09-01' }, { eligible: true, route: 'plan removal for the ERS date' }, 5],
  ])('decide %s by the first rule that matches', (_what, data, output, rule) => {
    const result = decide(data);
    expect(result).toMatchObject({ ok: true, value: { output } });
    if (result.ok) expect(result.value.evaluations.at(-1)?.matchedRules[0]?.index).toBe(rule);
  });
});
