import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';

// The SDK evaluates the workflow bundle's modules again for every new workflow, so every package and
// module in it is paid for by every case (bench/workflow-creation-cost.ts measures it). zod is the
// costliest to evaluate and the workflow needs none of it: types come from the schema modules as
// `import type`, and form data is checked by hand (domain/forms/validate-form-data.ts).
const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

// Every module id webpack put in the bundle, read from the header it writes before each module; a
// package's id runs through node_modules/.
async function moduleIdsInBundle(): Promise<string[]> {
  const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error };
  const { code } = await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('./index.ts', import.meta.url)), logger: quiet });
  return [...code.matchAll(/^\/\*\*\*\/ "([^"]+)"/gm)].map((match) => match[1]!);
}

describe('the workflow bundle', () => {
  let moduleIds: string[] = [];
  beforeAll(async () => {
    moduleIds = await moduleIdsInBundle();
  }, 60_000);

  it('holds no module of ours that imports zod', () => {
    const ours = moduleIds.flatMap((id) => /^\.\/((?:domain|workflows)\/[^"]+\.ts)$/.exec(id)?.[1] ?? []);
    expect(ours).toContain('workflows/case-workflow.ts');
    const importingZod = ours.filter((path) => /from 'zod'/.test(readFileSync(`${repositoryRoot}${path}`, 'utf8')));
    expect(importingZod).toEqual([]);
  });

  it('holds no module of the zod package, whoever would pull it in', () => {
    // the bundle does hold other packages, so an empty answer is not a broken pattern
    expect(moduleIds.some((id) => /node_modules\/re2js\//.test(id))).toBe(true);
    expect(moduleIds.filter((id) => /node_modules\/zod\//.test(id))).toEqual([]);
  });
});
