// The compiler's defences: DOCTYPE, size, element count and depth caps, unparsable text,
// hostile ids and dangling references all give diagnostics, never exceptions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProcessIR } from '../process/ir.ts';
import { compile } from './compile.ts';
import { DIAGNOSTIC_CODES, Diagnostic } from './diagnostics.ts';

const xml = readFileSync(new URL('./fixtures/gateway-kinds.bpmn', import.meta.url), 'utf8');
const definitions = (body: string) =>
  `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="P" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`;

const codes = async (input: string, options = {}) => (await compile(input, options)).diagnostics.map((d) => d.code);

describe('input safety', () => {
  it.each([
    ['a DOCTYPE', `<?xml version="1.0"?><!DOCTYPE definitions>${definitions('')}`],
    ['an internal entity', `<!DOCTYPE d [<!ENTITY lol "lol">]>${definitions('<bpmn:task id="T" name="&lol;"/>')}`],
    ['an external entity', `<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${definitions('<bpmn:task id="T" name="&x;"/>')}`],
    ['a DOCTYPE after a comment', `<!-- hi --><!doctype d>${definitions('')}`],
  ])('rejects %s before parsing, with an empty IR', async (_label, input) => {
    // when
    const { ir, diagnostics } = await compile(input);
    // then
    expect(diagnostics.map((d) => d.code)).toEqual(['doctype-rejected']);
    expect(ir.nodes).toEqual([]);
    expect(() => ProcessIR.parse(ir)).not.toThrow();
  });

  it('rejects files over the byte cap, with the cap in the message', async () => {
    // given
    const big = definitions(`<bpmn:task id="T" name="${'é'.repeat(600)}"/>`);
    // when
    const { diagnostics } = await compile(big, { maxBytes: 1024 });
    // then
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'too-large', severity: 'error', limit: 1024 })]);
    expect(await codes(big)).toEqual([]);
  });

  it('rejects more elements than the cap and deeper nesting than the cap', async () => {
    // given
    const many = definitions('<bpmn:task/>'.repeat(50));
    const deep = definitions(`${'<bpmn:subProcess>'.repeat(70)}${'</bpmn:subProcess>'.repeat(70)}`);
    // then
    expect(await codes(many, { maxElements: 40 })).toEqual(['too-many-elements']);
    expect(await codes(deep)).toEqual(['too-deep']);
    expect(await codes(deep, { maxDepth: 100 })).not.toContain('too-deep');
  });

  it('does not count markup inside comments, CDATA or attribute values', async () => {
    // given
    const input = definitions(`<!-- ${'<a>'.repeat(100)} --><bpmn:task id="T" name="${'&lt;b&gt;'.repeat(5)} > <"/><![CDATA[${'<c>'.repeat(100)}]]>`);
    // then
    expect(await codes(input, { maxElements: 10, maxDepth: 4 })).not.toContain('too-many-elements');
  });

  it.each([
    ['not XML at all', 'hello'],
    ['an empty string', ''],
    ['mismatched tags', '<a><b></a>'],
    ['XML that is not BPMN', '<?xml version="1.0"?><note><to>x</to></note>'],
    ['a truncated diagram', xml.slice(0, 900)],
  ])('turns %s into one xml-unparsable error and an empty IR', async (_label, input) => {
    // when
    const { ir, diagnostics } = await compile(input);
    // then
    expect(diagnostics.map((d) => d.code)).toEqual(['xml-unparsable']);
    expect(ir.processes).toEqual([]);
  });

  it('survives ids that are names of Object.prototype members', async () => {
    // given
    const ids = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', 'prototype'];
    const body = ids.map((id) => `<bpmn:task id="${id}"/>`).join('') +
      ids.slice(1).map((id, i) => `<bpmn:sequenceFlow id="f${i}" sourceRef="${ids[i]}" targetRef="${id}"/>`).join('');
    // when
    const { ir, diagnostics } = await compile(definitions(body));
    // then
    expect(ir.nodes.map((n) => n.id)).toEqual(ids);
    expect(ir.flows).toHaveLength(ids.length - 1);
    expect(diagnostics).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports a dangling reference by element and property and leaves the flow out', async () => {
    // when
    const { ir, diagnostics } = await compile(definitions('<bpmn:task id="A"/><bpmn:sequenceFlow id="F" sourceRef="A" targetRef="Gone"/>'));
    // then
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'missing-reference', elementId: 'F', property: 'targetRef', reference: 'Gone' })]);
    expect(diagnostics[0]?.message).toContain('"Gone"');
    expect(ir.flows).toEqual([]);
  });

  it('keeps a huge hostile attribute value without evaluating it', async () => {
    // given
    const hostile = `${'='.repeat(1)}${'('.repeat(5000)}constructor.constructor('x')()`;
    // when
    const { ir, diagnostics } = await compile(definitions(`<bpmn:userTask id="U" casework:sla="${hostile}" xmlns:casework="https://casemap.dev/schema/casework/1.0"/>`));
    // then
    expect(diagnostics.map((d) => d.code)).toEqual(['invalid-sla']);
    expect(ir.nodes[0]?.sla).toBeUndefined();
  });

  it('declares each diagnostic code once and validates diagnostics by code', () => {
    expect(new Set(DIAGNOSTIC_CODES).size).toBe(DIAGNOSTIC_CODES.length);
    expect(DIAGNOSTIC_CODES.every((code) => /^[a-z]+(-[a-z]+)*$/.test(code))).toBe(true);
    expect(() => Diagnostic.parse({ code: 'too-deep', severity: 'error', message: 'm' })).toThrow();
  });
});
