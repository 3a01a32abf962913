// Property: whatever is done to a corpus diagram, compile resolves quickly with a valid IR and
// diagnostics, and never reports a fault of its own (`compiler-failure`).
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProcessIR } from '../process/ir.ts';
import { compile } from './compile.ts';
import { Diagnostic } from './diagnostics.ts';

const fixturesDir = new URL('./fixtures/', import.meta.url);
const corpus = readdirSync(fixturesDir)
  .filter((file) => file.endsWith('.bpmn'))
  .map((file) => readFileSync(new URL(file, fixturesDir), 'utf8'));

const PER_INPUT_MS = 2_000;

type Mutation = (xml: string) => string;

const at = (xml: string, fraction: number) => Math.floor(fraction * xml.length);
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fraction.map((f): Mutation => (xml) => xml.slice(0, at(xml, f))),
  fc.tuple(fraction, fc.integer({ min: 1, max: 400 })).map(([f, n]): Mutation => (xml) => xml.slice(0, at(xml, f)) + xml.slice(at(xml, f) + n)),
  fc.tuple(fraction, fraction, fc.integer({ min: 1, max: 400 })).map(([from, to, n]): Mutation => (xml) => {
    const start = at(xml, from);
    return xml.slice(0, at(xml, to)) + xml.slice(start, start + n) + xml.slice(at(xml, to));
  }),
  fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'toString', 'prototype').map((id): Mutation => (xml) => xml.replace(/id="[^"]*"/g, (m, offset: number) => (offset % 3 === 0 ? `id="${id}"` : m))),
  fc.integer({ min: 1_000, max: 200_000 }).map((size): Mutation => (xml) => xml.replace(/name="[^"]*"/, `name="${'&amp;<>'.slice(0, 1).repeat(size)}"`)),
  fc.integer({ min: 1, max: 200 }).map((depth): Mutation => (xml) =>
    xml.replace('</bpmn:process>', `${'<bpmn:subProcess id="s">'.repeat(depth)}${'</bpmn:subProcess>'.repeat(depth)}</bpmn:process>`)),
  fc.constantFrom(
    '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
    '<!DOCTYPE d SYSTEM "http://example.invalid/x.dtd">',
    '<!ENTITY x SYSTEM "file:///etc/passwd">',
  ).map((doctype): Mutation => (xml) => xml.replace(/\?>/, `?>${doctype}`)),
  fc.constantFrom('&x;', '&#0;', '&#xD800;', ']]>', '<![CDATA[', '<!--', '=(((', '${a}', 'R/', 'P', '"').map((junk): Mutation => (xml) => xml.replace(/(name|sourceRef|casework:sla)="/, `$1="${junk}`)),
  fc.string({ maxLength: 40 }).chain((junk) => fraction.map((f): Mutation => (xml) => xml.slice(0, at(xml, f)) + junk + xml.slice(at(xml, f)))),
);

const withinTime = async (xml: string) => {
  const started = performance.now();
  const result = await compile(xml);
  return { ...result, elapsed: performance.now() - started };
};

describe('compiling mutated diagrams', () => {
  let cleanHashes: string[] = [];
  beforeAll(async () => {
    cleanHashes = (await Promise.all(corpus.map((xml) => compile(xml)))).map((result) => result.ir.hash);
  });

  it('always resolves to a valid IR and well-formed diagnostics within the time bound', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (xml, mutations) => {
        // given
        const mutated = mutations.reduce((text, mutate) => mutate(text), xml);
        // when
        const { ir, diagnostics, elapsed } = await withinTime(mutated);
        // then
        expect(elapsed).toBeLessThan(PER_INPUT_MS);
        expect(() => ProcessIR.parse(ir)).not.toThrow();
        for (const diagnostic of diagnostics) expect(() => Diagnostic.parse(diagnostic)).not.toThrow();
        expect(diagnostics.filter((d) => d.code === 'compiler-failure')).toEqual([]);
      }),
      { numRuns: 300, seed: 20_260_101 },
    );
  }, 60_000);

  it('leaves the shared moddle as it found it: after the hostile input the corpus compiles as before', async () => {
    // when (this test runs after the property above, on the same process-wide moddle)
    const after = await Promise.all(corpus.map((xml) => compile(xml)));
    // then
    expect(after.map((result) => result.ir.hash)).toEqual(cleanHashes);
  });
});
