// The patch-log check must be able to fail: each row is a way the workflow and the log can disagree.
import { describe, expect, it } from 'vitest';
import { checkPatchLog, findPatchCalls } from './patch-log-check.ts';
import type { PatchLogEntry } from './patch-log.ts';

const logged: PatchLogEntry = {
  id: 'task-notes',
  stage: 'patched',
  change: 'Completing a task records its notes.',
  shippedAt: '2027-01-10',
  recordedWith: ['task-notes'],
  recordedBefore: ['parallel-user-tasks'],
};
const corpus = { 'task-notes': ['task-notes'], 'parallel-user-tasks': [] };

describe('checking patch calls against the versioning log', () => {
  it('finds patched() and deprecatePatch() calls and their literal ids', () => {
    const source = `if (patched('a')) x(); deprecatePatch("b"); if (patched(id)) y();`;
    expect(findPatchCalls('w.ts', source)).toEqual([
      { file: 'w.ts', kind: 'patched', id: 'a' },
      { file: 'w.ts', kind: 'deprecatePatch', id: 'b' },
      { file: 'w.ts', kind: 'patched' },
    ]);
  });

  it('accepts a logged patch with histories from before and after it', () => {
    expect(checkPatchLog(findPatchCalls('w.ts', `patched('task-notes')`), [logged], corpus)).toEqual([]);
  });

  it.each([
    ['a patch the log does not name', `patched('task-notes') || patched('other')`, [logged], corpus, /patched\('other'\) has no entry/],
    ['a patch with a computed id', `patched('task-notes') || patched(name)`, [logged], corpus, /computed id/],
    ['a deprecated patch logged as still patched', `deprecatePatch('task-notes')`, [logged], corpus, /set it to "deprecated"/],
    ['a log entry whose patch was removed from the code', ``, [logged], corpus, /no longer called/],
    ['a patch with no history from before it', `patched('task-notes')`, [{ ...logged, recordedBefore: [] }], corpus, /no history from before it/],
    ['a "before" history that carries the marker', `patched('task-notes')`, [{ ...logged, recordedBefore: ['task-notes'] }], corpus, /is not from before it/],
    ['an "after" history missing from the corpus', `patched('task-notes')`, [{ ...logged, recordedWith: ['gone'] }], corpus, /gone is not in the corpus/],
    ['an "after" history without the marker', `patched('task-notes')`, [{ ...logged, recordedWith: ['parallel-user-tasks'] }], corpus, /does not carry its marker/],
    ['a deprecated patch still listing histories from before it', `deprecatePatch('task-notes')`, [{ ...logged, stage: 'deprecated' as const }], corpus, /old branch is gone/],
  ])('reports %s', (_name, source, log, histories, problem) => {
    expect(checkPatchLog(findPatchCalls('w.ts', source), log, histories).join('\n')).toMatch(problem);
  });
});
