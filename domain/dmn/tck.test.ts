// Runs the DMN TCK cases Casemap supports (copied into fixtures/tck, Apache 2.0, see its README)
// and asserts every expected result; the cases it does not pass are listed, and must still fail.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateDecision } from './evaluate-decision.ts';
import { readDmn } from './read-dmn.ts';
import { readTckCases, type TckResult } from './tck-cases.testing.ts';

const root = join(import.meta.dirname, 'fixtures', 'tck');

/** Test cases (folder/test id/result) Casemap does not pass, and why; docs/dmn.md lists them too. */
const UNSUPPORTED: Record<string, string> = {};

function close(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => close(actual[i], e));
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const keys = Object.keys(expected);
    return keys.every((key) => close((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key]));
  }
  return actual === expected;
}

const folders = ['compliance-level-2', 'compliance-level-3'].flatMap((level) =>
  readdirSync(join(root, level)).map((name) => ({ level, name, dir: join(root, level, name) })),
);

async function outcome(dir: string, name: string, inputs: Record<string, unknown>, result: TckResult): Promise<{ passed: boolean; detail: string }> {
  const read = await readDmn(readFileSync(join(dir, `${name}.dmn`), 'utf8'));
  if (!read.ok) return { passed: false, detail: read.error.message };
  const decision = read.value.decisions.find((d) => d.name === result.name || d.variable === result.name);
  if (!decision) return { passed: false, detail: `no decision named ${result.name}` };
  const evaluated = evaluateDecision(read.value.decisions, decision.id, inputs);
  if (result.errorResult) return { passed: !evaluated.ok || evaluated.value.output === null, detail: 'expected an error' };
  if (!evaluated.ok) return { passed: false, detail: evaluated.error.message };
  const passed = close(evaluated.value.output, result.expected);
  return { passed, detail: `got ${JSON.stringify(evaluated.value.output)}, expected ${JSON.stringify(result.expected)}` };
}

describe('the DMN TCK cases Casemap runs', () => {
  for (const { level, name, dir } of folders) {
    const file = readdirSync(dir).find((f) => f.endsWith('-test-01.xml'));
    if (!file) continue;
    for (const testCase of readTckCases(readFileSync(join(dir, file), 'utf8'))) {
      for (const result of testCase.results) {
        const key = `${name}/${testCase.id}/${result.name}`;
        const reason = UNSUPPORTED[key];
        const title = reason ? `${level} ${key} is listed as unsupported (${reason}) and still does not pass` : `${level} ${key} gives the expected result`;
        it(title, async () => {
          const { passed, detail } = await outcome(dir, name, testCase.inputs, result);
          if (process.env.TCK_REPORT) console.log(`${passed ? 'PASS' : 'FAIL'} ${key}: ${detail}`);
          expect({ key, passed, detail }).toEqual({ key, passed: !reason, detail });
        });
      }
    }
  }
});
