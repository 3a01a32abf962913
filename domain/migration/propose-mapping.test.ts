import { describe, expect, it } from 'vitest';
import { ir, team, timer } from '../engine/ir-builder.testing.ts';
import { proposeMapping } from './propose-mapping.ts';
import { planIssues } from './plan-issues.ts';
import { mappableElements } from './wait-elements.ts';

// s → assess (user) → wait (timer) → gw (exclusive) → e
const v1 = ir()
  .node('s', 'startEvent').node('assess', 'userTask', { name: 'Assess', owner: team('A') }).node('wait', 'intermediateCatchEvent', { trigger: timer('P1D') })
  .node('gw', 'exclusiveGateway').node('decide', 'userTask', { name: 'Decide', owner: team('A') }).node('e', 'endEvent')
  .seq('s', 'assess', 'wait', 'decide', 'gw', 'e')
  .build();
const v2 = ir()
  .node('s', 'startEvent').node('Task_assess', 'userTask', { name: 'Assess', owner: team('A') }).node('wait', 'intermediateCatchEvent', { trigger: timer('P2D') })
  .node('gw', 'exclusiveGateway').node('review', 'userTask', { name: 'Review', owner: team('A') }).node('e', 'endEvent')
  .seq('s', 'Task_assess', 'wait', 'review', 'gw', 'e')
  .build();

describe('proposing a mapping', () => {
  it('maps by same id, then by same name and type, then to nothing', () => {
    expect(proposeMapping(v1, v2)).toEqual([
      { source: 'assess', target: 'Task_assess', reason: 'same-name-and-type' },
      { source: 'wait', target: 'wait', reason: 'same-id' },
      { source: 'decide', target: null, reason: 'none' },
    ]);
  });

  it('lists only the elements a case can wait at', () => {
    expect(mappableElements(v2).map((element) => element.id)).toEqual(['Task_assess', 'wait', 'review']);
  });
});

describe('checking a plan', () => {
  const plan = (mappings: { source: string; target: string | null }[]) => ({ fromVersion: 1, toVersion: 2, mappings });

  it('accepts the proposal', () => {
    expect(planIssues(plan(proposeMapping(v1, v2).map(({ source, target }) => ({ source, target }))), v1, v2)).toEqual([]);
  });

  it('names each mapping that names an element the version lacks or where no case waits', () => {
    const issues = planIssues(plan([{ source: 'nope', target: 'wait' }, { source: 'gw', target: 'wait' }, { source: 'assess', target: 'e' }, { source: 'wait', target: 'gone' }]), v1, v2);
    expect(issues.map(({ field, elementId }) => ({ field, elementId }))).toEqual([
      { field: 'mappings.0.source', elementId: 'nope' },
      { field: 'mappings.1.source', elementId: 'gw' },
      { field: 'mappings.2.target', elementId: 'e' },
      { field: 'mappings.3.target', elementId: 'gone' },
    ]);
  });

  it('refuses a plan from a version to itself, naming toVersion', () => {
    expect(planIssues({ fromVersion: 2, toVersion: 2, mappings: [] }, v2, v2)).toMatchObject([{ field: 'toVersion' }]);
  });
});
