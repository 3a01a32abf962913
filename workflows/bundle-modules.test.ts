import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';

// The SDK evaluates the workflow bundle's modules again for every new workflow, so a module that builds
// zod schemas at load makes every case pay for them (bench/workflow-creation-cost.ts measures it).
// Form validation builds its schema when a form is checked, not at load, so it may stay.
const BUILDS_SCHEMAS_ONLY_WHEN_CALLED = new Set(['domain/forms/validate-form-data.ts']);
const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

async function casemapModulesInBundle(): Promise<string[]> {
  const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error };
  const { code } = await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('./index.ts', import.meta.url)), logger: quiet });
  // Webpack names each module by its path from the repository root in a `/***/ "./…": ` header.
  return [...code.matchAll(/^\/\*\*\*\/ "\.\/((?:domain|workflows)\/[^"]+\.ts)"/gm)].map((match) => match[1]!);
}

describe('the workflow bundle', () => {
  it('holds no module of ours that builds zod schemas when it is loaded', async () => {
    const modules = await casemapModulesInBundle();
    expect(modules).toContain('workflows/case-workflow.ts');
    const buildingSchemas = modules.filter((path) => !BUILDS_SCHEMAS_ONLY_WHEN_CALLED.has(path) && /from 'zod'/.test(readFileSync(`${repositoryRoot}${path}`, 'utf8')));
    expect(buildingSchemas).toEqual([]);
  }, 60_000);
});
