// The import rules of .dependency-cruiser.js (no cycle, the layers of DESIGN.md §3) hold over the
// whole tree, and each rule fires on a small tree that breaks it, so none can silently match nothing.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

async function rules(): Promise<ICruiseOptions> {
  return extractDepcruiseOptions(join(repoRoot, '.dependency-cruiser.js'));
}

/** One line per broken rule, naming both ends (and the circle, for a cycle). */
function violations(result: ICruiseResult): string[] {
  return result.summary.violations.map((v) => {
    const circle = v.cycle?.length ? ` (circle: ${[v.from, ...v.cycle.map((step) => step.name)].join(' → ')})` : '';
    return `${v.rule.name}: ${v.from} → ${v.to}${circle}`;
  });
}

async function cruiseTree(baseDir: string, options: ICruiseOptions): Promise<ICruiseResult> {
  const { output } = await cruise(['.'], { ...options, baseDir });
  if (typeof output === 'string') throw new Error(`dependency-cruiser returned text, not a result: ${output}`);
  return output;
}

describe('import rules over the repository', () => {
  it('finds no import cycle and no import across the layers', async () => {
    const result = await cruiseTree(repoRoot, await rules());
    expect(violations(result)).toEqual([]);
    // The rules judge these folders; were they excluded by mistake, the check above would pass on nothing.
    const folders = new Set(result.modules.map((m) => m.source.split('/')[0]));
    for (const folder of ['domain', 'workflows', 'activities', 'api', 'services', 'storage', 'runtime', 'demo', 'stack', 'modeler', 'bin']) expect(folders).toContain(folder);
  });
});

type Tree = Record<string, string>;

async function violationsIn(tree: Tree): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'casemap-dependency-rules-'));
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  // The planted tree has no tsconfig; its imports name files with their extension, so none is needed.
  const { tsConfig: _ignored, ...options } = await rules();
  return violations(await cruiseTree(dir, options));
}

describe('each import rule', () => {
  const cases: { rule: string; broken: Tree; expected: string }[] = [
    {
      rule: 'no-circular',
      broken: { 'domain/engine/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n", 'domain/engine/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n" },
      expected: 'no-circular: domain/engine/a.ts → domain/engine/b.ts (circle: domain/engine/a.ts → domain/engine/b.ts → domain/engine/a.ts)',
    },
    {
      rule: 'no-circular',
      broken: { 'domain/compile/a.ts': "import type { B } from './b.ts';\nexport type A = { b?: B };\n", 'domain/compile/b.ts': "import type { A } from './a.ts';\nexport type B = { a?: A };\n" },
      expected: 'no-circular: domain/compile/a.ts → domain/compile/b.ts (circle: domain/compile/a.ts → domain/compile/b.ts → domain/compile/a.ts)',
    },
    {
      rule: 'domain-imports-only-domain',
      broken: { 'domain/a.ts': "import { s } from '../storage/s.ts';\nexport const a = s;\n", 'storage/s.ts': 'export const s = 1;\n' },
      expected: 'domain-imports-only-domain: domain/a.ts → storage/s.ts',
    },
    {
      rule: 'domain-no-node-builtins',
      broken: { 'domain/a.ts': "import { createHash } from 'node:crypto';\nexport const a = createHash;\n" },
      expected: 'domain-no-node-builtins: domain/a.ts → crypto',
    },
    {
      rule: 'only-bin-wires-api',
      broken: { 'storage/s.ts': "import { r } from '../api/r.ts';\nexport const s = r;\n", 'api/r.ts': 'export const r = 1;\n' },
      expected: 'only-bin-wires-api: storage/s.ts → api/r.ts',
    },
    {
      rule: 'only-bin-wires-modeler',
      broken: { 'api/r.ts': "import { m } from '../modeler/m.ts';\nexport const r = m;\n", 'modeler/m.ts': 'export const m = 1;\n' },
      expected: 'only-bin-wires-modeler: api/r.ts → modeler/m.ts',
    },
    {
      rule: 'nothing-imports-bin',
      broken: { 'runtime/x.ts': "import { c } from '../bin/c.ts';\nexport const x = c;\n", 'bin/c.ts': 'export const c = 1;\n' },
      expected: 'nothing-imports-bin: runtime/x.ts → bin/c.ts',
    },
    {
      rule: 'nothing-imports-bin',
      broken: { 'stack/x.ts': "import { c } from '../bin/c.ts';\nexport const x = c;\n", 'bin/c.ts': 'export const c = 1;\n' },
      expected: 'nothing-imports-bin: stack/x.ts → bin/c.ts',
    },
    {
      rule: 'only-entry-points-start-the-stack',
      broken: { 'runtime/x.ts': "import { s } from '../stack/s.ts';\nexport const x = s;\n", 'stack/s.ts': 'export const s = 1;\n' },
      expected: 'only-entry-points-start-the-stack: runtime/x.ts → stack/s.ts',
    },
    {
      rule: 'only-the-stack-runs-the-demo',
      broken: { 'api/r.ts': "import { d } from '../demo/d.ts';\nexport const r = d;\n", 'demo/d.ts': 'export const d = 1;\n' },
      expected: 'only-the-stack-runs-the-demo: api/r.ts → demo/d.ts',
    },
    {
      rule: 'only-bin-wires-api',
      broken: { 'demo/d.ts': "import { r } from '../api/r.ts';\nexport const d = r;\n", 'api/r.ts': 'export const r = 1;\n' },
      expected: 'only-bin-wires-api: demo/d.ts → api/r.ts',
    },
    {
      rule: 'api-reaches-storage-through-services',
      broken: { 'api/r.ts': "import type { S } from '../storage/s.ts';\nexport const r: S | 1 = 1;\n", 'storage/s.ts': 'export type S = 0;\n' },
      expected: 'api-reaches-storage-through-services: api/r.ts → storage/s.ts',
    },
    {
      rule: 'services-import-only-domain-and-storage',
      broken: { 'services/v.ts': "import { w } from '../workflows/w.ts';\nexport const v = w;\n", 'workflows/w.ts': 'export const w = 1;\n' },
      expected: 'services-import-only-domain-and-storage: services/v.ts → workflows/w.ts',
    },
    {
      rule: 'workflows-import-only-domain',
      broken: { 'workflows/w.ts': "import { s } from '../storage/s.ts';\nexport const w = s;\n", 'storage/s.ts': 'export const s = 1;\n' },
      expected: 'workflows-import-only-domain: workflows/w.ts → storage/s.ts',
    },
    {
      rule: 'workflows-import-activity-types-only',
      broken: { 'workflows/w.ts': "import { act } from '../activities/a.ts';\nexport const w = act;\n", 'activities/a.ts': 'export const act = () => 1;\n' },
      expected: 'workflows-import-activity-types-only: workflows/w.ts → activities/a.ts',
    },
    {
      rule: 'modeler-imports-only-domain',
      broken: { 'modeler/src/m.ts': "import { s } from '../../storage/s.ts';\nexport const m = s;\n", 'storage/s.ts': 'export const s = 1;\n' },
      expected: 'modeler-imports-only-domain: modeler/src/m.ts → storage/s.ts',
    },
  ];

  it.each(cases)('$rule reports a tree that breaks it', async ({ broken, expected }) => {
    expect(await violationsIn(broken)).toEqual([expected]);
  });

  it('lets each layer import what DESIGN.md allows it', async () => {
    const allowed: Tree = {
      'domain/engine/a.ts': "import { b } from './b.ts';\nexport const a = b;\n",
      'domain/engine/b.ts': 'export const b = 1;\n',
      'domain/engine/a.test.ts': "import { readFileSync } from 'node:fs';\nimport { a } from './a.ts';\nexport const t = [readFileSync, a];\n",
      'activities/act.ts': "import { a } from '../domain/engine/a.ts';\nexport const act = () => a;\nexport type Act = typeof act;\n",
      'workflows/w.ts': "import type { Act } from '../activities/act.ts';\nimport { a } from '../domain/engine/a.ts';\nexport const w: Act | number = a;\n",
      'api/r.ts': "import { w } from '../workflows/w.ts';\nimport { v } from '../services/v.ts';\nexport const r = [w, v];\n",
      'services/v.ts': "import { readFileSync } from 'node:fs';\nimport { s } from '../storage/s.ts';\nimport { a } from '../domain/engine/a.ts';\nimport { c } from '../workflows/case-api.ts';\nexport const v = [readFileSync, s, a, c];\n",
      'workflows/case-api.ts': "import { a } from '../domain/engine/a.ts';\nexport const c = a;\n",
      'storage/s.ts': "import { a } from '../domain/engine/a.ts';\nexport const s = a;\n",
      'modeler/src/m.ts': "import { a } from '../../domain/engine/a.ts';\nexport const m = a;\n",
      'demo/d.ts': "import { w } from '../workflows/w.ts';\nexport const d = w;\n",
      'stack/s.ts': "import { r } from '../api/r.ts';\nimport { d } from '../demo/d.ts';\nexport const s = [r, d];\n",
      'bin/casemap.ts': "import { s } from '../stack/s.ts';\nimport { d } from '../demo/d.ts';\nimport { m } from '../modeler/src/m.ts';\nexport const c = [s, d, m];\n",
      'tests/t.test.ts': "import { c } from '../bin/casemap.ts';\nimport { s } from '../stack/s.ts';\nimport { r } from '../api/r.ts';\nexport const t = [c, s, r];\n",
    };
    expect(await violationsIn(allowed)).toEqual([]);
  });
});
