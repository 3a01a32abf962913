import { describe, expect, it } from 'vitest';
import { dmnXml } from '../dmn/dmn-xml.testing.ts';
import { ir } from '../engine/ir-builder.testing.ts';
import { attachDecisions } from './attach-decisions.ts';

const process = ir()
  .node('s', 'startEvent').node('decide', 'businessRuleTask', { name: 'Decide', decision: { decisionId: 'd', resultVariable: 'out' } }).node('e', 'endEvent')
  .seq('s', 'decide', 'e')
  .build();

const table = (output: string) => dmnXml([{ id: 'd', inputs: ['n'], outputs: ['x'], rules: [['-', output]] }]);

describe('attaching DMN decisions to a process at deploy', () => {
  it('puts the decisions and their DMN text into the IR and re-hashes it', async () => {
    const first = await attachDecisions(process, [{ xml: table('1') }]);
    const second = await attachDecisions(process, [{ xml: table('2') }]);
    expect(first).toMatchObject({ ok: true, ir: { decisions: [{ decisions: [{ id: 'd' }], xml: table('1') }] } });
    if (!first.ok || !second.ok) return;
    expect(first.ir.hash).not.toBe(process.hash);
    expect(first.ir.hash).not.toBe(second.ir.hash);
    const again = await attachDecisions(process, [{ xml: table('1') }]);
    expect(again.ok ? again.ir.hash : undefined).toBe(first.ir.hash);
  });

  it('names the business rule task and the decision it calls when no file has it', async () => {
    expect(await attachDecisions(process, [])).toEqual({ ok: false, errors: [expect.objectContaining({ elementId: 'decide', decisionId: 'd', code: 'decision-missing' })] });
  });

  it('refuses the same decision id in two files', async () => {
    const result = await attachDecisions(process, [{ xml: table('1') }, { xml: table('2') }]);
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'dmn[1]', decisionId: 'd', code: 'decision-duplicated' })] });
  });

  it('leaves a process without DMN as it was', async () => {
    const plain = ir().node('s', 'startEvent').node('e', 'endEvent').seq('s', 'e').build();
    expect(await attachDecisions(plain, [])).toEqual({ ok: true, ir: plain });
  });
});
