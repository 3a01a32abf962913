// Replays every recorded case history (tests/replay/histories/, made by record-histories.ts)
// against today's workflow bundle: a change to the interpreter that would break running cases
// fails here as a DeterminismViolationError. A deliberately altered workflow must be rejected.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { describe, expect, it } from 'vitest';
import { caseWorkflowBundle } from '../../runtime/case-worker.ts';
import { quietRuntime } from '../engine/support/engine-harness.ts';

interface RecordedHistory {
  workflowId: string;
  status: string;
  history: unknown;
}

const historiesDir = new URL('./histories/', import.meta.url);
const recorded = readdirSync(historiesDir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name, ...(JSON.parse(readFileSync(new URL(name, historiesDir), 'utf8')) as RecordedHistory) }));

describe('replaying recorded case histories', () => {
  quietRuntime();

  it('has a corpus to replay', () => {
    expect(recorded.length).toBeGreaterThanOrEqual(10);
  });

  it.each(recorded)('replays $name without a determinism violation', async ({ workflowId, history }) => {
    await Worker.runReplayHistory({ workflowBundle: await caseWorkflowBundle(), replayName: 'casemap-replay' }, history, workflowId);
  });

  it('rejects a workflow that issues different commands from the recorded ones', async () => {
    const workflowBundle = await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('./altered-workflow/index.ts', import.meta.url)),
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
    });
    const sample = recorded.find((entry) => entry.name === 'parallel-user-tasks.json') ?? recorded[0]!;

    await expect(Worker.runReplayHistory({ workflowBundle, replayName: 'casemap-replay-altered' }, sample.history, sample.workflowId)).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
