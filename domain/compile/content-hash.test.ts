// The content hash identifies the compiled graph: stable across formatting, changed by meaning.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from './compile.ts';
import { canonicalJson } from './content-hash.ts';

const xml = readFileSync(new URL('./fixtures/casework-two-lanes.bpmn', import.meta.url), 'utf8');

describe('content hash', () => {
  it('is the same for the same input compiled twice', async () => {
    // when
    const [first, second] = await Promise.all([compile(xml), compile(xml)]);
    // then
    expect(first.ir.hash).toBe(second.ir.hash);
  });

  it('ignores whitespace between elements and the order of attributes', async () => {
    // given
    const reformatted = xml
      .replace(/>\s+</g, '><')
      .replace('id="Task_Triage" name="Triage referral"', 'name="Triage referral" id="Task_Triage"')
      .replace('sourceRef="Start_Referral" targetRef="Task_Triage"', 'targetRef="Task_Triage" sourceRef="Start_Referral"');
    // when
    const [original, changed] = await Promise.all([compile(xml), compile(reformatted)]);
    // then
    expect(changed.ir.hash).toBe(original.ir.hash);
  });

  it('changes when a step SLA changes', async () => {
    // given
    const slower = xml.replace('casework:sla="P5D"', 'casework:sla="P6D"');
    // when
    const [original, changed] = await Promise.all([compile(xml), compile(slower)]);
    // then
    expect(changed.ir.hash).not.toBe(original.ir.hash);
  });

  it('writes canonical JSON with sorted keys and no undefined properties', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }], __proto__: null })).toBe('{"a":[{"c":"x"}],"b":1}');
  });
});
