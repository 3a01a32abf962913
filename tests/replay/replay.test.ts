// Replays every recorded case history (tests/replay/histories/, made by record-histories.ts)
// against today's workflow bundle: a change to the interpreter that would break running cases
// fails here as a DeterminismViolationError. A deliberately altered workflow must be rejected by
// every history, so the check is known to fail, and every patch call must be in the versioning log.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, Worker, type ReplayResult, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { describe, expect, it } from 'vitest';
import { caseWorkflowBundle } from '../../runtime/case-worker.ts';
import { quietRuntime } from '../workflows/support/engine-harness.ts';
import { patchLog } from './patch-log.ts';
import { checkPatchLog, findPatchCalls, patchMarkers } from './patch-log-check.ts';

interface RecordedHistory {
  name: string;
  workflowId: string;
  status: string;
  history: unknown;
}

const historiesDir = new URL('./histories/', import.meta.url);
const recorded: RecordedHistory[] = readdirSync(historiesDir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name: name.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(new URL(name, historiesDir), 'utf8')) as Omit<RecordedHistory, 'name'>) }));

/** Replays the whole corpus on one replay worker, which yields one result per history in corpus order. */
async function replayCorpus(workflowBundle: WorkflowBundleWithSourceMap, replayName: string): Promise<Map<string, ReplayResult>> {
  const results = new Map<string, ReplayResult>();
  const histories = recorded.map(({ workflowId, history }) => ({ workflowId, history }));
  for await (const result of Worker.runReplayHistories({ workflowBundle, replayName }, histories)) {
    const entry = recorded[results.size]!;
    expect(result.workflowId).toBe(entry.workflowId);
    results.set(entry.name, result);
  }
  return results;
}

// Bundling errors are printed: they are the only clue when a file the workflow imports is broken.
const bundlerLogger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: (message: string) => console.error(message) };

describe('replaying recorded case histories', () => {
  quietRuntime();

  it('has a corpus to replay', () => {
    expect(recorded.length).toBeGreaterThanOrEqual(30);
  });

  it('covers continue-as-new, migrated cases and cases that lived through a worker crash', () => {
    const names = recorded.map((entry) => entry.name);
    expect(names).toEqual(expect.arrayContaining(['continued-as-new-first-run', 'continued-as-new-last-run', 'migrated-user-task', 'migrated-timer']));
    expect(names.some((name) => name.startsWith('crash-restart-'))).toBe(true);
    expect(recorded.find((entry) => entry.name === 'continued-as-new-first-run')?.status).toBe('continued-as-new');
  });

  it('replays every history without a determinism violation', async () => {
    const results = await replayCorpus(await caseWorkflowBundle(), 'casemap-replay');

    const failures = [...results].filter(([, result]) => result.error).map(([name, result]) => `${name}: ${String(result.error)}`);
    expect(failures).toEqual([]);
    expect([...results.keys()]).toEqual(recorded.map((entry) => entry.name));
  });

  it('rejects, in every history, a workflow that issues different commands from the recorded ones', async () => {
    const workflowBundle = await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('./altered-workflow/index.ts', import.meta.url)), logger: bundlerLogger });

    const results = await replayCorpus(workflowBundle, 'casemap-replay-altered');

    const accepted = [...results].filter(([, result]) => !(result.error instanceof DeterminismViolationError)).map(([name]) => name);
    expect(accepted).toEqual([]);
    expect(results.size).toBe(recorded.length);
  });

  it('finds every patch call of the workflow in the versioning log, with the histories it names', () => {
    const workflowsDir = new URL('../../workflows/', import.meta.url);
    const calls = readdirSync(workflowsDir)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => findPatchCalls(`workflows/${file}`, readFileSync(new URL(file, workflowsDir), 'utf8')));
    const corpus = Object.fromEntries(recorded.map(({ name, history }) => [name, patchMarkers(history)]));

    expect(checkPatchLog(calls, patchLog, corpus)).toEqual([]);
  });
});
