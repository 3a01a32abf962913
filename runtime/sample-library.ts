// Deploys the sample processes in processes/ on start, so a fresh Casemap has something to run.
// A sample that fails its checks is reported, not deployed; unchanged samples keep their version.
// A process deploys with the library's DMN files that hold a decision its business rule tasks call.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Database } from '../storage/database.ts';
import { deployVersion } from '../storage/definition-store.ts';
import { attachDecisions } from '../domain/deploy/attach-decisions.ts';
import { checkForDeploy } from '../domain/deploy/check-for-deploy.ts';
import { compile } from '../domain/compile/compile.ts';
import { readDmn } from '../domain/dmn/read-dmn.ts';
import type { ProcessIR } from '../domain/process/ir.ts';

export interface SampleResult {
  id: string;
  version?: number;
  created?: boolean;
  errors: string[];
}

/** A sample as `POST /api/definitions/deploy` takes it: the diagram and the DMN files it needs. */
export interface SampleFiles {
  xml: string;
  dmn: { xml: string }[];
}

interface DecisionFile {
  xml: string;
  decisionIds: ReadonlySet<string>;
}

/** The library's DMN files and the decisions each holds; an unreadable one holds none (its test says why). */
async function readDecisionFiles(dir: string): Promise<DecisionFile[]> {
  const files = readdirSync(dir).filter((name) => name.endsWith('.dmn')).sort();
  return Promise.all(
    files.map(async (file) => {
      const xml = readFileSync(join(dir, file), 'utf8');
      const read = await readDmn(xml);
      return { xml, decisionIds: new Set(read.ok ? read.value.decisions.map((decision) => decision.id) : []) };
    }),
  );
}

/** The files holding a decision that one of the process's business rule tasks calls. */
function decisionFilesFor(ir: ProcessIR, files: readonly DecisionFile[]): { xml: string }[] {
  const called = new Set(ir.nodes.flatMap((node) => (node.decision ? [node.decision.decisionId] : [])));
  return files.filter((file) => [...file.decisionIds].some((id) => called.has(id))).map(({ xml }) => ({ xml }));
}

/** One sample's diagram, compiled, and the DMN files it needs. */
async function loadSample(dir: string, id: string): Promise<SampleFiles & { ir: ProcessIR }> {
  const xml = readFileSync(join(dir, `${id}.bpmn`), 'utf8');
  const { ir } = await compile(xml);
  return { xml, ir, dmn: decisionFilesFor(ir, await readDecisionFiles(dir)) };
}

/** One sample's diagram and decisions, for tests and benchmarks that deploy it through the API. */
export async function readSample(dir: string, id: string): Promise<SampleFiles> {
  const { xml, dmn } = await loadSample(dir, id);
  return { xml, dmn };
}

/** One sample compiled with its decisions attached, as a deployed version carries it (for simulations). */
export async function compileSample(dir: string, id: string): Promise<ProcessIR> {
  const { ir, dmn } = await loadSample(dir, id);
  const attached = await attachDecisions(ir, dmn);
  if (!attached.ok) throw new Error(`The sample ${id} cannot be compiled with its decisions: ${attached.errors.map((issue) => issue.message).join('; ')}`);
  return attached.ir;
}

export async function deploySampleLibrary(db: Database, dir: string): Promise<SampleResult[]> {
  const files = readdirSync(dir).filter((name) => name.endsWith('.bpmn')).sort();
  const decisionFiles = await readDecisionFiles(dir);
  const results: SampleResult[] = [];
  for (const file of files) {
    const id = basename(file, '.bpmn');
    const xml = readFileSync(join(dir, file), 'utf8');
    const check = await checkForDeploy(xml);
    const attached = check.errors.length > 0 ? { ok: false as const, errors: check.errors } : await attachDecisions(check.ir, decisionFilesFor(check.ir, decisionFiles));
    if (!attached.ok) {
      results.push({ id, errors: attached.errors.map((issue) => `${issue.elementId ?? ''} ${issue.message}`.trim()) });
      continue;
    }
    const name = check.ir.name ?? check.ir.processes[0]?.name ?? id;
    const { version, created } = await deployVersion(db, { definitionId: id, name, xml, ir: attached.ir, note: 'Sample library', deployedBy: 'casemap' });
    results.push({ id, version: version.version, created, errors: [] });
  }
  return results;
}
