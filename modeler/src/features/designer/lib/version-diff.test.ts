import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diffVersions } from './version-diff.ts';

const referral = readFileSync(fileURLToPath(new URL('../../../../../tests/fixtures/two-lane-referral.bpmn', import.meta.url)), 'utf8');

describe('diffVersions', () => {
  it('finds nothing between a diagram and itself', async () => {
    await expect(diffVersions(referral, referral)).resolves.toEqual([]);
  });

  it('names a renamed step with its SLA before and after', async () => {
    // given a version where the decision is renamed and its SLA shortened
    const changed = referral.replace('name="Make deportation decision" casework:sla="P10D"', 'name="Decide on deportation" casework:sla="P8D"');

    // when the versions are compared
    const changes = await diffVersions(referral, changed);

    // then the one change says what was and what is, in that order
    expect(changes).toEqual([
      { kind: 'changed', elementId: 'Task_decide', type: 'User Task', name: 'Decide on deportation', details: ['Name: "Make deportation decision" → "Decide on deportation"', 'SLA: "P10D" → "P8D"'] },
    ]);
  });

  it('reports added and removed elements, and form changes the differ does not see', async () => {
    const newer = referral
      .replace('<bpmn:laneSet', '<bpmn:task id="Task_note" name="Note the outcome" /><bpmn:laneSet')
      .replace(/options="deport,do-not-deport"/, 'options="deport,do-not-deport,defer"');
    const changes = await diffVersions(referral, newer);
    expect(changes.map((change) => [change.kind, change.elementId])).toEqual([
      ['added', 'Task_note'],
      ['changed', 'Task_decide'],
    ]);
    expect(changes[1]!.details).toEqual(['Form fields or other casework details changed']);

    const older = await diffVersions(newer, referral);
    expect(older.map((change) => [change.kind, change.elementId])).toEqual([
      ['removed', 'Task_note'],
      ['changed', 'Task_decide'],
    ]);
  });
});
