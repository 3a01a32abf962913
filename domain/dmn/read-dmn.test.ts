import { describe, expect, it } from 'vitest';
import { dmnXml } from './dmn-xml.testing.ts';
import { readDmn } from './read-dmn.ts';

describe('reading a DMN file', () => {
  it('reads a decision table into the decision IR', async () => {
    const read = await readDmn(dmnXml([{ id: 'd', name: 'Eligible', hitPolicy: 'COLLECT', aggregation: 'SUM', inputs: ['age'], outputs: ['points'], rules: [['>= 18', '1']] }]));
    expect(read).toEqual({
      ok: true,
      value: {
        definitionsId: 'decisions',
        name: 'decisions',
        decisions: [
          {
            id: 'd',
            name: 'Eligible',
            variable: 'Eligible',
            requires: [],
            logic: {
              type: 'decisionTable',
              hitPolicy: 'COLLECT',
              aggregation: 'SUM',
              inputs: [{ id: 'd-in-0', label: 'age', expression: 'age' }],
              outputs: [{ id: 'd-out-0', name: 'points' }],
              rules: [{ id: 'd-rule-1', inputEntries: ['>= 18'], outputEntries: ['1'] }],
            },
          },
        ],
      },
    });
  });

  it('reads DMN 1.5 files as DMN 1.3', async () => {
    const xml = dmnXml([{ id: 'x', expression: '1' }]).replace('20191111', '20230324');
    expect(await readDmn(xml)).toMatchObject({ ok: true, value: { decisions: [{ id: 'x', logic: { type: 'literalExpression', expression: '1' } }] } });
  });

  it('refuses XML that is not DMN', async () => {
    expect(await readDmn('<definitions')).toMatchObject({ ok: false, error: { code: 'dmn-unreadable' } });
  });

  it('names a decision requiring one that is not in the file', async () => {
    expect(await readDmn(dmnXml([{ id: 'a', expression: 'b', requires: ['b'] }]))).toMatchObject({ ok: false, error: { code: 'decision-missing', decisionId: 'a' } });
  });

  it('names a decision whose requirements go round in a circle', async () => {
    const read = await readDmn(dmnXml([{ id: 'a', expression: 'b', requires: ['b'] }, { id: 'b', expression: 'a', requires: ['a'] }]));
    expect(read).toMatchObject({ ok: false, error: { code: 'decision-cycle' } });
  });

  it('refuses a hit policy it does not know, naming the decision', async () => {
    const read = await readDmn(dmnXml([{ id: 'd', hitPolicy: 'SOMETIMES', inputs: ['a'], outputs: ['b'], rules: [] }]));
    expect(read).toMatchObject({ ok: false, error: { code: 'dmn-unsupported', decisionId: 'd' } });
  });
});
