import { describe, expect, it } from 'vitest';
import type { SimulationAnswer } from '../../../../../domain/contract/simulation.ts';
import { endingsTable, outcomesTable, throughputSeries, utilisationTable, waitingTable } from './simulation-figures.ts';

const HOUR = 3_600_000;
const run = (scenario: string, overrides: Partial<SimulationAnswer['runs'][number]> = {}): SimulationAnswer['runs'][number] => ({
  scenario,
  from: '2027-01-04T09:00:00.000Z',
  weeks: 2,
  cases: { started: 20, completed: 18, failed: 0, open: 2 },
  throughputPerWeek: [8, 10],
  wipAtWeekEnd: [4, 2],
  cycleTime: { medianMs: 30 * HOUR, p90Ms: 60 * HOUR, meanMs: 35 * HOUR },
  steps: [{ nodeId: 'decide', team: 'returns', done: 18, waitMedianMs: 5 * HOUR, waitP90Ms: 9 * HOUR, workMedianMs: HOUR }],
  teams: [{ team: 'returns', people: 2, utilisation: 0.5 }],
  breaches: [{ kind: 'sla-breached', nodeId: 'decide', count: 3 }],
  waitsWithoutHistory: {},
  runawayCases: 0,
  timersNotArmed: {},
  endEvents: {},
  engineSteps: 100,
  ...overrides,
});

const answer: SimulationAnswer = {
  fitted: { cases: 40, from: '2026-10-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', teamPeople: { returns: 2 }, arrivalsPerWorkingDay: 2 },
  runs: [run('baseline', { endEvents: { removed: 15, notDeported: 3 } }), run('three in returns', { endEvents: { removed: 18 }, steps: [], teams: [{ team: 'returns', people: 3, utilisation: 0.25 }], breaches: [], throughputPerWeek: [9, 11] })],
};

describe('simulation figures', () => {
  it('puts each run in its own column, the baseline first', () => {
    const table = outcomesTable(answer);
    expect(table.header).toEqual(['Measure', 'baseline', 'three in returns']);
    expect(table.rows.find((row) => row[0] === 'Completed per week')).toEqual(['Completed per week', '9.0', '10.0']);
    expect(table.rows.find((row) => row[0] === 'Step SLA breaches')).toEqual(['Step SLA breaches', '3', '0']);
    expect(table.rows.find((row) => row[0] === 'Median cycle time')).toEqual(['Median cycle time', '30 h', '30 h']);
  });

  it('marks a step a scenario no longer does with a dash, and names steps by their diagram names', () => {
    expect(waitingTable(answer, (nodeId) => (nodeId === 'decide' ? 'Decide' : nodeId)).rows).toEqual([['Decide', '5 h', '—']]);
  });

  it('shows people and how busy they are per team, and a throughput series per run', () => {
    expect(utilisationTable(answer).rows).toEqual([['returns', '2 people, 50% busy', '3 people, 25% busy']]);
    expect(throughputSeries(answer)).toEqual({ labels: ['Week 1', 'Week 2'], series: [{ label: 'baseline', values: [8, 10] }, { label: 'three in returns', values: [9, 11] }] });
  });

  it('counts how cases ended per run, naming each end, zero where a run never ended there', () => {
    const names: Record<string, string> = { removed: 'Removed', notDeported: 'Not deported' };
    expect(endingsTable(answer, (id) => names[id] ?? id).rows).toEqual([
      ['Not deported', '3', '0'],
      ['Removed', '15', '18'],
    ]);
  });
});
