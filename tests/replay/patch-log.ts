// The versioning log: every `patched()` / `deprecatePatch()` id the case workflow calls, at which
// step of its patch → deprecate → remove cycle it is, and the corpus histories that prove it
// (docs/versioning.md). replay.test.ts fails when the workflow and this log disagree.

export interface PatchLogEntry {
  /** The id passed to `patched()` / `deprecatePatch()`: kebab-case, never reused. */
  id: string;
  /** `patched`: old and new code both live; `deprecated`: only the new code, `deprecatePatch(id)` left. */
  stage: 'patched' | 'deprecated';
  /** What changed, for whoever removes the patch later. */
  change: string;
  /** When the last worker without `patched(id)` stopped (ISO instant): runs started before may take the old branch. */
  shippedAt: string;
  /** When the last worker with `patched(id)` stopped, once deprecated: runs started before carry a marker step 3 would reject. */
  deprecatedAt?: string;
  /** Corpus histories recorded with the patch (they carry its marker); at least one. */
  recordedWith: string[];
  /** Corpus histories recorded before the patch (no marker), kept while the stage is `patched`. */
  recordedBefore: string[];
}

/**
 * Empty since 0.1.0: the six patches of the pre-1.0 workflow (message-waits-logged,
 * inbox-drained-per-flush, cycle-reminders, lead-escalation, unmatched-message-written,
 * case-watchdog) were folded into the code and the corpus re-recorded, as no deployment ran them.
 */
export const patchLog: readonly PatchLogEntry[] = [
  {
    id: 'case-log-fenced-local-write',
    stage: 'patched',
    change:
      'The case log is written by the fenced local activity recordFencedCaseEvents (one marker in the same workflow task) instead of the recordCaseEvents activity; its rows stay tentative until confirmed in history (docs/architecture.md, "Record").',
    shippedAt: '2026-12-07T14:00:00Z',
    recordedWith: ['fenced-parallel-user-tasks', 'fenced-intermediate-timer-message'],
    recordedBefore: ['parallel-user-tasks', 'intermediate-timer-message'],
  },
];
