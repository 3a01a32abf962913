import { describe, expect, it } from 'vitest';
import { ir, team, timer } from '../engine/ir-builder.testing.ts';
import { simulate, SimulationTooLarge } from './simulate.ts';
import type { SimulationModel } from './simulation-model.ts';
import { baseline } from './scenario.ts';
import { SimulatedLog } from './simulated-log.ts';

const HOUR = 3_600_000;
// Monday 2027-01-04, 09:00 in London (GMT).
const MONDAY = Date.parse('2027-01-04T09:00:00Z');

const twoSteps = ir()
  .node('start', 'startEvent')
  .node('assess', 'userTask', { name: 'Assess', owner: team('returns'), sla: { expression: 'P1D', feel: false, calendar: 'calendar-days' } })
  .node('decide', 'userTask', { name: 'Decide', owner: team('returns') })
  .node('end', 'endEvent')
  .seq('start', 'assess', 'decide', 'end')
  .build();

/** Every step takes exactly one working hour; one person in the team. */
const oneHourEach: SimulationModel = {
  arrivalsPerHour: { working: Array(24).fill(0), other: Array(24).fill(0) },
  workTime: { assess: [HOUR], decide: [HOUR] },
  elementTime: {},
  profiles: [{ startData: {}, completions: {} }],
  teamPeople: { returns: 1 },
  period: { from: MONDAY, to: MONDAY, cases: 0 },
};

const tenAtOnce = Array.from({ length: 10 }, () => MONDAY);

describe('simulate', () => {
  it('queues work for the one person there is: ten cases of two one-hour steps take 20 working hours', () => {
    const result = simulate({ ir: twoSteps, model: oneHourEach, scenario: baseline, from: MONDAY, weeks: 2, seed: 1, arrivals: tenAtOnce });
    expect(result.cases).toEqual({ started: 10, completed: 10, failed: 0, open: 0 });
    const assess = result.steps.find((s) => s.nodeId === 'assess')!;
    const decide = result.steps.find((s) => s.nodeId === 'decide')!;
    expect(assess.done + decide.done).toBe(20);
    // First in, first out: the ten assessments come first, then the ten decisions, in 8-hour office
    // days; the ninth case of ten (the 90th percentile) ends after 19 hours of work, Wednesday 12:00.
    expect(result.teams).toEqual([{ team: 'returns', people: 1, utilisation: expect.closeTo(20 / 80, 5) }]);
    expect(result.cycleTime.p90Ms).toBe(Date.parse('2027-01-06T12:00:00Z') - MONDAY);
    expect(result.throughputPerWeek).toEqual([10, 0]);
  });

  it('counts the SLA breaches the engine raises when work waits past its deadline', () => {
    // A one-day SLA on "Assess", due Tuesday 09:00: one person finishes eight assessments on
    // Monday, so the ninth and tenth are still open when the deadline passes.
    const result = simulate({ ir: twoSteps, model: oneHourEach, scenario: baseline, from: MONDAY, weeks: 2, seed: 1, arrivals: tenAtOnce });
    expect(result.breaches).toEqual([{ kind: 'sla-breached', nodeId: 'assess', count: 2 }]);
    const moreStaff = simulate({ ir: twoSteps, model: oneHourEach, scenario: { ...baseline, name: '+1 returns', staffChange: { returns: 1 } }, from: MONDAY, weeks: 2, seed: 1, arrivals: tenAtOnce });
    expect(moreStaff.breaches).toEqual([]);
  });

  it('shortens waiting when a team gains people, and removes a step from the work when it is dropped', () => {
    const base = simulate({ ir: twoSteps, model: oneHourEach, scenario: baseline, from: MONDAY, weeks: 2, seed: 1, arrivals: tenAtOnce });
    const staffed = simulate({ ir: twoSteps, model: oneHourEach, scenario: { ...baseline, name: 'two people', staffChange: { returns: 1 } }, from: MONDAY, weeks: 2, seed: 1, arrivals: tenAtOnce });
    const dropped = simulate({ ir: twoSteps, model: oneHourEach, scenario: { ...baseline, name: 'no assessment', removedSteps: ['assess'] }, from: MONDAY, weeks: 2, seed: 1, arrivals: tenAtOnce });
    expect(staffed.cycleTime.p90Ms!).toBeLessThan(base.cycleTime.p90Ms!);
    expect(dropped.steps.map((s) => s.nodeId)).toEqual(['decide']);
    // Ten one-hour decisions end Monday 19:00 of work: Tuesday 11:00.
    expect(dropped.cycleTime.p90Ms).toBe(Date.parse('2027-01-05T10:00:00Z') - MONDAY);
  });

  it('gives the same run for the same seed and a different one for another seed', () => {
    const varied: SimulationModel = { ...oneHourEach, workTime: { assess: [HOUR, 3 * HOUR, 0.5 * HOUR], decide: [2 * HOUR, 0.25 * HOUR] }, arrivalsPerHour: { working: Array(24).fill(0.3), other: Array(24).fill(0) } };
    const run = (seed: number) => simulate({ ir: twoSteps, model: varied, scenario: baseline, from: MONDAY, weeks: 4, seed });
    expect(run(5)).toEqual(run(5));
    expect(run(6).cycleTime).not.toEqual(run(5).cycleTime);
  });

  it('writes the run as a case event log the insights read', () => {
    const log = new SimulatedLog();
    simulate({ ir: twoSteps, model: oneHourEach, scenario: baseline, from: MONDAY, weeks: 1, seed: 1, arrivals: [MONDAY], log });
    expect(log.events.map((event) => [event.kind, event.nodeId ?? ''])).toEqual(
      expect.arrayContaining([
        ['case-started', ''],
        ['task-ready', 'assess'],
        ['task-claimed', 'assess'],
        ['task-completed', 'assess'],
        ['task-completed', 'decide'],
        ['case-completed', ''],
      ]),
    );
    expect(log.events.find((event) => event.kind === 'task-completed' && event.nodeId === 'decide')?.at).toBe('2027-01-04T11:00:00.000Z');
  });

  it('runs on when a deadline cannot be placed because its date is missing from a case, and counts those cases', () => {
    const waitForErs = ir()
      .node('start', 'startEvent')
      .node('ers', 'intermediateCatchEvent', { trigger: timer('=date(ersEligibilityDate)', 'date', true) })
      .node('remove', 'userTask', { name: 'Remove', owner: team('returns') })
      .node('end', 'endEvent')
      .seq('start', 'ers', 'remove', 'end')
      .build();
    const model: SimulationModel = {
      ...oneHourEach,
      workTime: { remove: [HOUR] },
      profiles: [{ startData: { ersEligibilityDate: '2027-01-11' }, completions: {} }, { startData: {}, completions: {} }],
    };
    const result = simulate({ ir: waitForErs, model, scenario: baseline, from: MONDAY, weeks: 3, seed: 4, arrivals: Array.from({ length: 40 }, () => MONDAY) });
    expect(result.cases.started).toBe(40);
    // Cases with the date wait for it and are removed; the others never get past the timer.
    expect(result.cases.completed).toBeGreaterThan(0);
    expect(result.cases.completed + result.cases.failed + result.cases.open).toBe(40);
    expect(result.cases.completed).toBeLessThan(40);
  });

  it('gives up with SimulationTooLarge rather than run without end', () => {
    expect(() => simulate({ ir: twoSteps, model: oneHourEach, scenario: baseline, from: MONDAY, weeks: 2, seed: 1, arrivals: tenAtOnce, maxEngineSteps: 15 })).toThrow(SimulationTooLarge);
  });

  describe('a rework loop whose history took no time', () => {
    const loop = ir()
      .node('start', 'startEvent')
      .node('review', 'userTask', { name: 'Review', owner: team('returns') })
      .node('again', 'exclusiveGateway')
      .node('end', 'endEvent')
      .seq('start', 'review', 'again')
      .flow('again', 'review', { condition: 'again = true' })
      .flow('again', 'end', { condition: 'again = false' })
      .build();
    const model = (profiles: SimulationModel['profiles']): SimulationModel => ({ ...oneHourEach, workTime: { review: [0] }, profiles });

    it('leaves the loop with the data another case left it with, once its own history runs out', () => {
      const result = simulate({
        ir: loop,
        model: model([{ startData: {}, completions: { review: [{ again: true }] } }, { startData: {}, completions: { review: [{ again: true }, { again: false }] } }]),
        scenario: baseline,
        from: MONDAY,
        weeks: 1,
        seed: 2,
        arrivals: tenAtOnce,
      });
      expect(result.cases.completed).toBe(10);
      expect(result.runawayCases).toBe(0);
    });

    it('stops a case that would go round for ever, counts it, and finishes the run', () => {
      const result = simulate({ ir: loop, model: model([{ startData: {}, completions: { review: [{ again: true }] } }]), scenario: baseline, from: MONDAY, weeks: 1, seed: 2, arrivals: tenAtOnce });
      expect(result.runawayCases).toBe(10);
      expect(result.cases.failed).toBe(10);
    });
  });
});
