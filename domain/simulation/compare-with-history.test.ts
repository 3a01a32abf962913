// The simulation is checked against a history it did not see: fitted on twelve weeks, it must
// reproduce the next eight weeks' throughput and cycle time from their arrivals alone. The history
// here is itself generated (by a richer ground-truth model: work times spread over a range, four
// people in one team, branches by case data), since no real casework log can ship in the repository.
import { describe, expect, it } from 'vitest';
import { ir, message, team, timer } from '../engine/ir-builder.testing.ts';
import { simulate } from './simulate.ts';
import { compareWithHistory } from './compare-with-history.ts';
import { fitSimulationModel } from './fit-simulation-model.ts';
import { SimulatedLog } from './simulated-log.ts';
import { baseline } from './scenario.ts';
import type { SimulationModel } from './simulation-model.ts';

const HOUR = 3_600_000;
const WEEK = 7 * 86_400_000;
const FROM = Date.parse('2027-01-04T00:00:00Z');

const process = ir()
  .node('start', 'startEvent')
  .node('refer', 'userTask', { name: 'Refer', owner: team('prison') })
  .node('decide', 'userTask', { name: 'Decide', owner: team('returns') })
  .node('deport', 'exclusiveGateway')
  .node('redoc', 'userTask', { name: 'Redocument', owner: team('redoc') })
  .node('book', 'userTask', { name: 'Book removal', owner: team('removals') })
  .node('notDeported', 'endEvent')
  .node('removed', 'endEvent')
  .seq('start', 'refer', 'decide', 'deport')
  .flow('deport', 'redoc', { condition: 'decision = "deport"' })
  .flow('deport', 'notDeported', { condition: 'decision != "deport"' })
  .seq('redoc', 'book', 'removed')
  .build();

const spread = (median: number) => [0.4, 0.6, 0.8, 1, 1, 1.2, 1.5, 2, 3].map((k) => k * median * HOUR);

/** The ground truth: about six cases a working day; "returns" is the busiest team. */
const truth: SimulationModel = {
  arrivalsPerHour: { working: Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 17 ? 0.75 : 0)), other: Array(24).fill(0) },
  workTime: { refer: spread(1), decide: spread(4), redoc: spread(3), book: spread(2) },
  elementTime: {},
  profiles: Array.from({ length: 10 }, (_, i) => ({ startData: {}, completions: { decide: [{ decision: i < 8 ? 'deport' : 'do-not-deport' }] } })),
  teamPeople: { prison: 2, returns: 4, redoc: 3, removals: 2 },
  period: { from: FROM, to: FROM, cases: 0 },
};

describe('compareWithHistory', () => {
  const log = new SimulatedLog();
  simulate({ ir: process, model: truth, scenario: baseline, from: FROM, weeks: 20, seed: 2027, log });

  it('fits the staffing, the work times and the branch mix that made the history', () => {
    const model = fitSimulationModel(log.events, { from: FROM, to: FROM + 12 * WEEK });
    expect(model.teamPeople).toEqual(truth.teamPeople);
    const medianOf = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    expect(medianOf(model.workTime.decide!) / HOUR).toBeCloseTo(4, 0);
    const decisions = model.profiles.map((profile) => profile.completions.decide?.[0]?.decision).filter((d) => d !== undefined);
    expect(decisions.filter((d) => d === 'deport').length / decisions.length).toBeCloseTo(0.8, 1);
  });

  it('reproduces the next eight weeks within 10 % on throughput and 20 % on median cycle time', () => {
    const comparison = compareWithHistory(process, log.events, { fitFrom: FROM, checkFrom: FROM + 12 * WEEK, weeks: 8, seed: 99 });
    expect(comparison.actual.started).toBeGreaterThan(200);
    expect(comparison.simulated.started).toBe(comparison.actual.started);
    expect(comparison.relativeError.completedPerWeek).toBeLessThan(0.1);
    expect(comparison.relativeError.cycleTimeMedian).toBeLessThan(0.2);
  });

  it('notices when the history is not the process it is told about: staffing halved behind its back', () => {
    const starved = new SimulatedLog();
    const halved = { ...truth, teamPeople: { prison: 1, returns: 2, redoc: 2, removals: 1 } };
    simulate({ ir: process, model: truth, scenario: baseline, from: FROM, weeks: 12, seed: 1, log: starved, caseIdPrefix: 'before' });
    simulate({ ir: process, model: halved, scenario: baseline, from: FROM + 12 * WEEK, weeks: 8, seed: 2, log: starved, caseIdPrefix: 'after' });
    const comparison = compareWithHistory(process, starved.events, { fitFrom: FROM, checkFrom: FROM + 12 * WEEK, weeks: 8, seed: 99 });
    expect(comparison.relativeError.cycleTimeMedian).toBeGreaterThan(0.2);
  });
});

describe('compareWithHistory on a process that waits for the outside world', () => {
  const DAY = 86_400_000;
  const days = (median: number) => [0.4, 0.6, 0.8, 1, 1, 1.2, 1.5, 2, 3].map((k) => k * median * DAY);
  // A reply awaited against a 14-day deadline (an event-based gateway), then a called case whose
  // outcome decides whether the case ends or goes round again.
  const outside = ir()
    .node('start', 'startEvent')
    .node('prepare', 'userTask', { name: 'Prepare', owner: team('returns') })
    .node('await', 'eventBasedGateway')
    .node('reply', 'intermediateCatchEvent', { trigger: message('reply') })
    .node('late', 'intermediateCatchEvent', { trigger: timer('P14D') })
    .node('chase', 'userTask', { name: 'Chase', owner: team('returns') })
    .node('chased', 'endEvent')
    .node('call', 'callActivity', { calledElement: 'removals' })
    .node('outcome', 'exclusiveGateway')
    .node('removed', 'endEvent')
    .node('rearrange', 'userTask', { name: 'Rearrange', owner: team('removals') })
    .seq('start', 'prepare', 'await', 'reply', 'call', 'outcome')
    .seq('await', 'late', 'chase', 'chased')
    .flow('outcome', 'removed', { condition: 'removalOutcome = "removed"' })
    .flow('outcome', 'rearrange')
    .seq('rearrange', 'call')
    .build();
  const outsideTruth: SimulationModel = {
    arrivalsPerHour: truth.arrivalsPerHour,
    workTime: { prepare: spread(2), chase: spread(1), rearrange: spread(1) },
    // The reply comes after 2 to 15 days: about one in nine runs past the 14-day deadline.
    elementTime: { reply: days(5), call: days(10) },
    profiles: Array.from({ length: 10 }, (_, i) => ({ startData: {}, completions: { call: [{ removalOutcome: i < 8 ? 'removed' : 'failed' }, { removalOutcome: 'removed' }] } })),
    teamPeople: { returns: 4, removals: 2 },
    period: { from: FROM, to: FROM, cases: 0 },
  };
  const log = new SimulatedLog();
  simulate({ ir: outside, model: outsideTruth, scenario: baseline, from: FROM, weeks: 20, seed: 7, log });

  it('fits the reply as the time from awaiting it to receiving it, and how often the deadline came first', () => {
    const reply = fitSimulationModel(log.events, { from: FROM, to: FROM + 12 * WEEK }).messageWaits?.reply;
    const sorted = [...(reply?.received ?? [])].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]! / DAY).toBeCloseTo(5, 0);
    expect(reply!.neverCame / (reply!.neverCame + sorted.length)).toBeGreaterThan(0.05);
    expect(reply!.neverCame / (reply!.neverCame + sorted.length)).toBeLessThan(0.2);
  });

  it('reproduces the next eight weeks within 10 % on throughput and 20 % on median cycle time, called cases\' outcomes included', () => {
    const comparison = compareWithHistory(outside, log.events, { fitFrom: FROM, checkFrom: FROM + 12 * WEEK, weeks: 8, seed: 99 });
    expect(comparison.actual.completed).toBeGreaterThan(150);
    expect(comparison.simulated.started).toBe(comparison.actual.started);
    expect(comparison.relativeError.completedPerWeek).toBeLessThan(0.1);
    expect(comparison.relativeError.cycleTimeMedian).toBeLessThan(0.2);
  });
});
