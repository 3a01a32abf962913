// Compile and check a 2,000-element diagram, by the shared method (bench/method): Casemap's compile
// and deploy checks against bpmnlint's own `recommended` run on the same XML, warm (same process,
// after warm-up) and cold (first call in a fresh Node process), with the parser's cost apart.
// Contenders, warm: compile (shared moddle) · checkForDeploy (compile + Casemap's checks on one
// parse, as a deploy runs it) · parse with the shared moddle · parse with a fresh moddle (new
// BpmnModdle, its type registry built again: the fresh-parser cost) · parse + bpmnlint recommended.
// Contenders, cold: compile · parse + bpmnlint recommended, each the first call in a new process.
// Run: npx tsx bench/compile-bench.ts   (BENCH_ELEMENTS=<n>, default 2000; BENCH_ROUNDS=<n> ≥ 5)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compile } from '../domain/compile/compile.ts';
import { checkForDeploy } from '../domain/deploy/check-for-deploy.ts';
import { createModdle, sharedModdle } from '../domain/process/moddle.ts';
import { compare } from './method/compare.ts';
import { printComparison } from './method/print-comparison.ts';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint') as { Linter: new (options: object) => { lint(root: unknown): Promise<unknown> } };
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver.js') as new () => object;
const coldStartScript = fileURLToPath(new URL('./compile/cold-start.ts', import.meta.url));

/** A two-lane chain of user tasks with an exclusive gateway every ten steps: about `elements` elements. */
export function generateDiagram(elements: number): string {
  const steps = Math.floor(elements / 2.2);
  const nodes: string[] = ['<bpmn:startEvent id="Start"/>'];
  const flows: string[] = [];
  const lanes: [string[], string[]] = [['Start'], []];
  let previous = 'Start';
  for (let i = 0; i < steps; i++) {
    const id = `Task_${i}`;
    const team = i % 2;
    nodes.push(`<bpmn:userTask id="${id}" name="Step ${i}" casework:sla="P2D" casework:handoffSla="P1D"/>`);
    lanes[team]!.push(id);
    flows.push(`<bpmn:sequenceFlow id="Flow_${i}" sourceRef="${previous}" targetRef="${id}"/>`);
    previous = id;
    if (i % 10 === 9) {
      const gateway = `Gateway_${i}`;
      nodes.push(`<bpmn:exclusiveGateway id="${gateway}" default="Flow_d_${i}"/>`);
      lanes[team]!.push(gateway);
      flows.push(`<bpmn:sequenceFlow id="Flow_g_${i}" sourceRef="${id}" targetRef="${gateway}"/>`);
      flows.push(`<bpmn:sequenceFlow id="Flow_back_${i}" sourceRef="${gateway}" targetRef="Task_${i - 9}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">again = true</bpmn:conditionExpression></bpmn:sequenceFlow>`);
      flows.push(`<bpmn:sequenceFlow id="Flow_d_${i}" sourceRef="${gateway}" targetRef="Task_${i}_next"/>`);
      nodes.push(`<bpmn:manualTask id="Task_${i}_next" name="Continue ${i}"/>`);
      lanes[team]!.push(`Task_${i}_next`);
      previous = `Task_${i}_next`;
    }
  }
  nodes.push('<bpmn:endEvent id="End"/>');
  lanes[1].push('End');
  flows.push(`<bpmn:sequenceFlow id="Flow_end" sourceRef="${previous}" targetRef="End"/>`);
  const lane = (id: string, team: string, refs: string[]) => `<bpmn:lane id="${id}" name="${team}" casework:team="${team}">${refs.map((ref) => `<bpmn:flowNodeRef>${ref}</bpmn:flowNodeRef>`).join('')}</bpmn:lane>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:casework="https://casemap.dev/schema/casework/1.0" id="Defs" targetNamespace="https://casemap.dev/bench">
<bpmn:process id="Big" name="Big" isExecutable="true"><bpmn:laneSet id="Lanes">${lane('Lane_a', 'fno-returns', lanes[0])}${lane('Lane_b', 'removals-logistics', lanes[1])}</bpmn:laneSet>
${nodes.join('\n')}
${flows.join('\n')}
</bpmn:process></bpmn:definitions>`;
}

/** Issue #3's bound for compiling a 2,000-element diagram. */
const COMPILE_TARGET_MS = 100;

/** Runs cold-start.ts in a new Node process and returns its figures. */
function coldRun(mode: 'compile' | 'bpmnlint', diagramPath: string): { ms: number; importMs: number; secondMs: number } {
  const output = execFileSync(process.execPath, ['--import', 'tsx', coldStartScript, mode, diagramPath], { encoding: 'utf8' });
  const { importMs, firstMs, secondMs } = JSON.parse(output.trim().split('\n').pop()!) as { importMs: number; firstMs: number; secondMs: number };
  return { ms: firstMs, importMs, secondMs };
}

export async function runCompileBench(elements = Number(process.env.BENCH_ELEMENTS ?? 2000)): Promise<void> {
  const xml = generateDiagram(elements);
  const { ir } = await compile(xml);
  const size = `${ir.nodes.length} nodes + ${ir.flows.length} flows + ${ir.lanes.length} lanes (${xml.length} characters)`;
  const lint = (rootElement: unknown) => new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() }).lint(rootElement);

  const warm = printComparison(
    await compare({
      title: `compile + checks, warm: ${size}`,
      notes: ['Warm: every contender runs in this process after a warm-up round, so the JIT is warm and the shared moddle has built its type registry.'],
      contenders: [
        { name: 'compile', does: 'compile(xml): parse with the shared moddle, read the IR, hash it.', run: () => compile(xml).then(() => undefined) },
        { name: 'checkForDeploy', does: 'what a deploy runs: compile plus Casemap rules and bpmnlint core rules on the same parse.', run: () => checkForDeploy(xml).then(() => undefined) },
        { name: 'parse, shared moddle', does: 'sharedModdle().fromXML(xml) alone: the parse every contender starts with.', run: () => sharedModdle().fromXML(xml).then(() => undefined) },
        { name: 'parse, fresh moddle', does: 'createModdle().fromXML(xml): a new BpmnModdle each time, so its type registry is built again (the fresh-parser cost).', run: () => createModdle().fromXML(xml).then(() => undefined) },
        { name: 'bpmnlint recommended', does: 'parse with the shared moddle, then bpmnlint `recommended` on the result (a new Linter each run, as a one-off lint would).', run: async () => void (await lint((await sharedModdle().fromXML(xml)).rootElement)) },
      ],
      ratios: [
        ['checkForDeploy', 'bpmnlint recommended'],
        ['compile', 'parse, shared moddle'],
        ['parse, fresh moddle', 'parse, shared moddle'],
      ],
    }),
  );
  const compileMedian = warm.contenders.find((contender) => contender.name === 'compile')!.summaries.ms!.median;
  console.log(`Target: compile a 2,000-element diagram well under ${COMPILE_TARGET_MS} ms (warm median) — ${elements === 2000 ? (compileMedian < COMPILE_TARGET_MS ? 'met' : 'NOT met') : `not judged at ${elements} elements`}.`);

  const dir = mkdtempSync(join(tmpdir(), 'casemap-compile-bench-'));
  try {
    const diagramPath = join(dir, 'diagram.bpmn');
    writeFileSync(diagramPath, xml);
    printComparison(
      await compare({
        title: `compile vs bpmnlint, cold: ${size}`,
        notes: [
          'Cold: each run is a new Node process (tsx) that imports the code, then times its first call: JIT cold, the moddle type registry built on first use.',
          "`ms` is that first call; `importMs` is loading the modules before it (not in `ms`; Casemap's includes tsx transforming TypeScript, so no ratio); `secondMs` is the next call in the same process.",
        ],
        warmupRounds: 0,
        measures: [
          { key: 'ms', unit: 'ms', better: 'lower' },
          { key: 'importMs', unit: 'ms', better: 'lower' },
          { key: 'secondMs', unit: 'ms', better: 'lower' },
        ],
        contenders: [
          { name: 'compile, cold', does: 'imports domain/compile/compile.ts, then compile(xml) once.', run: () => coldRun('compile', diagramPath) },
          { name: 'bpmnlint recommended, cold', does: 'imports bpmnlint and the moddle set-up, then parse + bpmnlint `recommended` once.', run: () => coldRun('bpmnlint', diagramPath) },
        ],
        ratios: [['compile, cold', 'bpmnlint recommended, cold']],
        // Casemap's import includes tsx transforming its TypeScript; bpmnlint's is plain JavaScript.
        ratioMeasures: ['ms', 'secondMs'],
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runCompileBench();
