// Compile and check a 2,000-element diagram: Casemap's compile, compile + Casemap's checks, and
// bpmnlint's own `recommended` run on the same XML, side by side in one run.
import { createRequire } from 'node:module';
import { compile } from '../domain/compile/compile.ts';
import { checkForDeploy } from '../domain/deploy/check-for-deploy.ts';
import { createModdle } from '../domain/process/moddle.ts';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint') as { Linter: new (options: object) => { lint(root: unknown): Promise<unknown> } };
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver.js') as new () => object;

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

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  await work(); // warm up
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

export async function runCompileBench(): Promise<void> {
  const xml = generateDiagram(2000);
  const { ir } = await compile(xml);
  console.log(`\n== compile + checks: ${ir.nodes.length} nodes + ${ir.flows.length} flows + ${ir.lanes.length} lanes (${xml.length} characters)`);
  const compileMs = await median(7, () => compile(xml));
  // What a deploy runs: one parse shared by the compiler and the checks.
  const compileAndLintMs = await median(7, () => checkForDeploy(xml));
  const recommendedMs = await median(7, async () => {
    const { rootElement } = await createModdle().fromXML(xml);
    await new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() }).lint(rootElement);
  });
  console.log(`compile                        ${compileMs.toFixed(1)} ms (median of 7)`);
  console.log(`compile + Casemap checks       ${compileAndLintMs.toFixed(1)} ms (checkForDeploy, as on deploy)`);
  console.log(`parse + bpmnlint recommended   ${recommendedMs.toFixed(1)} ms`);
  console.log(`ratio (compile + checks) / (bpmnlint recommended): ${(compileAndLintMs / recommendedMs).toFixed(2)}×`);
  console.log(`target: compile a 2,000-element diagram well under ${COMPILE_TARGET_MS} ms — ${compileMs < COMPILE_TARGET_MS ? 'met' : 'NOT met'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await runCompileBench();
