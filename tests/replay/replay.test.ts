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

/** The ids of the `patched()` markers a recorded history holds. */
function patchMarkers(history: unknown): string[] {
  const events = (history as { events?: { markerRecordedEventAttributes?: { details?: Record<string, { payloads?: { data?: string }[] }> } }[] }).events ?? [];
  return events.flatMap((event) =>
    Object.values(event.markerRecordedEventAttributes?.details ?? {}).flatMap((detail) =>
      (detail.payloads ?? []).map((payload) => (JSON.parse(Buffer.from(payload.data ?? '', 'base64').toString('utf8')) as { id?: string }).id ?? ''),
    ),
  );
}

describe('replaying recorded case histories', () => {
  quietRuntime();

  it('has a corpus to replay', () => {
    expect(recorded.length).toBeGreaterThanOrEqual(10);
  });

  it('holds, for every patch in the case workflow, a history recorded with it and one from before it', () => {
    const source = readFileSync(new URL('../../workflows/case-workflow.ts', import.meta.url), 'utf8');
    const patches = [...source.matchAll(/patched\('([^']+)'\)/g)].map((match) => match[1]!);
    expect(patches.length).toBeGreaterThan(0);
    const markers = recorded.map(({ history }) => patchMarkers(history));
    for (const patch of patches) {
      expect(markers.some((ids) => ids.includes(patch)), `a history recorded with patch "${patch}"`).toBe(true);
    }
    expect(markers.some((ids) => ids.length === 0), 'a history recorded before any patch').toBe(true);
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
