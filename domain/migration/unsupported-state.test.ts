import { describe, expect, it } from 'vitest';
import { Driver, plainDays } from '../engine/engine-driver.testing.ts';
import { ir, signal, team } from '../engine/ir-builder.testing.ts';
import { migrateState } from './migrate-state.ts';

const LATER = '2026-03-02T10:00:00.000Z';

describe('cases migration does not move yet', () => {
  it('refuses a case waiting for a signal as not-supported, naming the wait, and changes nothing', () => {
    // given a case waiting at a signal catch, and a version 2 that keeps the same element
    const v1 = ir().node('s', 'startEvent').node('wait', 'intermediateCatchEvent', { trigger: signal('guidance') }).node('e', 'endEvent').seq('s', 'wait', 'e').build();
    const run = new Driver(v1);
    const before = JSON.stringify(run.state);
    // when
    const result = migrateState({ state: run.state, from: v1, to: v1, mappings: [{ source: 'wait', target: 'wait' }], now: LATER, addDuration: plainDays.addDuration });
    // then
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.refusals).toContainEqual(expect.objectContaining({ code: 'not-supported', elementId: 'wait' }));
    expect(JSON.stringify(run.state)).toBe(before);
  });

  it('refuses a case inside a multi-instance step as not-supported, naming the step', () => {
    // given a case with three parallel instances of a user task open
    const v1 = ir()
      .node('s', 'startEvent')
      .node('each', 'userTask', { name: 'Check dependant', owner: team('A'), multiInstance: 'parallel', instances: { inputCollection: 'dependants', inputElement: 'dependant' } })
      .node('e', 'endEvent')
      .seq('s', 'each', 'e')
      .build();
    const run = new Driver(v1, { dependants: ['ana', 'ben', 'cy'] });
    // when
    const result = migrateState({ state: run.state, from: v1, to: v1, mappings: [{ source: 'each', target: 'each' }], now: LATER, addDuration: plainDays.addDuration });
    // then
    expect(result.ok ? [] : result.refusals.map((refusal) => [refusal.code, refusal.elementId])).toContainEqual(['not-supported', 'each']);
  });
});
