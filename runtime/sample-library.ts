// Deploys the sample processes in processes/ on start, so a fresh Casemap has something to run.
// A sample that fails its checks is reported, not deployed; unchanged samples keep their version.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Database } from '../storage/database.ts';
import { deployVersion } from '../storage/definition-store.ts';
import { checkForDeploy } from '../domain/deploy/check-for-deploy.ts';

export interface SampleResult {
  id: string;
  version?: number;
  created?: boolean;
  errors: string[];
}

export async function deploySampleLibrary(db: Database, dir: string): Promise<SampleResult[]> {
  const files = readdirSync(dir).filter((name) => name.endsWith('.bpmn')).sort();
  const results: SampleResult[] = [];
  for (const file of files) {
    const id = basename(file, '.bpmn');
    const xml = readFileSync(join(dir, file), 'utf8');
    const check = await checkForDeploy(xml);
    if (check.errors.length > 0) {
      results.push({ id, errors: check.errors.map((issue) => `${issue.elementId ?? ''} ${issue.message}`.trim()) });
      continue;
    }
    const name = check.ir.name ?? check.ir.processes[0]?.name ?? id;
    const { version, created } = await deployVersion(db, { definitionId: id, name, xml, ir: check.ir, note: 'Sample library', deployedBy: 'casemap' });
    results.push({ id, version: version.version, created, errors: [] });
  }
  return results;
}
