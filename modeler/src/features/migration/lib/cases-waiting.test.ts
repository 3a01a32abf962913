import { describe, expect, it } from 'vitest';
import type { CaseMigrationPreview, MigrationPreview } from '../../../../../domain/contract/migration.ts';
import { casesWaitingAt } from './cases-waiting.ts';

const caseAt = (caseId: string, ...from: string[]): CaseMigrationPreview => ({
  caseId,
  migratable: true,
  refusals: [],
  moves: from.map((id) => ({ from: id, to: null })),
  tasksKept: [],
  tasksClosed: [],
  tasksOpened: [],
  timersKept: [],
  timersRestarted: [],
});

describe('the cases waiting at each step', () => {
  it('counts each case once per step, even with two tokens there', () => {
    // given two cases at A, one of them also twice at B (a parallel split into one step)
    const preview: MigrationPreview = { definitionId: 'p', fromVersion: 1, toVersion: 2, cases: [caseAt('c1', 'A'), caseAt('c2', 'A', 'B', 'B')], summary: { cases: 2, migratable: 2, refused: 0 } };
    // when // then
    expect([...casesWaitingAt(preview)]).toEqual([
      ['A', 2],
      ['B', 1],
    ]);
  });
});
