import { describe, expect, it } from 'vitest';
import type { MigrationProposal } from '../../../../../domain/contract/migration.ts';
import { planFrom, rowsFromProposal, withTarget } from './mapping-rows.ts';

const proposal: MigrationProposal = {
  definitionId: 'assessment',
  fromVersion: 1,
  toVersion: 2,
  mappings: [
    { source: 'A', target: 'Assess_v2', reason: 'same-name-and-type' },
    { source: 'Wait', target: null, reason: 'none' },
  ],
  sources: [{ id: 'A', name: 'Assess', type: 'userTask' }],
  targets: [
    { id: 'Assess_v2', name: 'Assess', type: 'userTask' },
    { id: 'Review', name: 'Review', type: 'userTask' },
  ],
  runningCases: 2,
};

describe('the mapping rows', () => {
  it('start as the proposal, with its reasons, and describe a source the server did not list by its id', () => {
    // given the proposal // when
    const rows = rowsFromProposal(proposal);
    // then
    expect(rows.map((row) => [row.source, row.target, row.reason])).toEqual([
      [{ id: 'A', name: 'Assess', type: 'userTask' }, 'Assess_v2', 'same-name-and-type'],
      [{ id: 'Wait', type: '' }, null, 'none'],
    ]);
  });

  it('mark a row edited when its target is changed, and only that row', () => {
    // given
    const rows = rowsFromProposal(proposal);
    // when
    const edited = withTarget(rows, 'A', 'Review');
    // then
    expect(edited.map((row) => [row.target, row.reason])).toEqual([
      ['Review', 'edited'],
      [null, 'none'],
    ]);
  });

  it('give a row its proposed reason back when the proposal is chosen again', () => {
    // given
    const edited = withTarget(rowsFromProposal(proposal), 'A', null);
    // when
    const restored = withTarget(edited, 'A', 'Assess_v2');
    // then
    expect(restored[0]).toMatchObject({ target: 'Assess_v2', reason: 'same-name-and-type' });
  });

  it('make the plan from the chosen targets, narrowed to the given cases when there are some', () => {
    // given
    const rows = withTarget(rowsFromProposal(proposal), 'Wait', 'Review');
    // when // then
    expect(planFrom(rows, 1, 2)).toEqual({
      fromVersion: 1,
      toVersion: 2,
      mappings: [
        { source: 'A', target: 'Assess_v2' },
        { source: 'Wait', target: 'Review' },
      ],
    });
    expect(planFrom(rows, 1, 2, ['c1']).caseIds).toEqual(['c1']);
  });
});
