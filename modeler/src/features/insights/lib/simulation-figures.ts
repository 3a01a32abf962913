// The what-if answer as side-by-side tables and chart series: one column (or series) per run, the
// baseline first, so a lead reads each scenario against it.
import type { SimulationAnswer } from '../../../../../domain/contract/simulation.ts';
import type { ChartData } from './chart-data.ts';
import type { FigureTable } from './figure-tables.ts';
import { formatDuration, formatRate } from './format-figures.ts';

type Run = SimulationAnswer['runs'][number];

const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
const breachesOf = (run: Run, kind: 'sla-breached' | 'handoff-overdue') => run.breaches.filter((b) => b.kind === kind).reduce((sum, b) => sum + b.count, 0);

/** Throughput, work in progress, cycle time and deadline breaches, a column per run. */
export function outcomesTable(answer: SimulationAnswer): FigureTable {
  const runs = answer.runs;
  const row = (name: string, value: (run: Run) => string) => [name, ...runs.map(value)];
  return {
    id: 'what-if-outcomes',
    title: `Simulated outcomes over ${runs[0]?.weeks ?? 0} weeks`,
    header: ['Measure', ...runs.map((run) => run.scenario)],
    rows: [
      row('Cases started', (run) => String(run.cases.started)),
      row('Cases completed', (run) => String(run.cases.completed)),
      row('Completed per week', (run) => mean(run.throughputPerWeek).toFixed(1)),
      row('Open at the end', (run) => String(run.cases.open)),
      row('Median cycle time', (run) => formatDuration(run.cycleTime.medianMs)),
      row('90th percentile cycle time', (run) => formatDuration(run.cycleTime.p90Ms)),
      row('Step SLA breaches', (run) => String(breachesOf(run, 'sla-breached'))),
      row('Handoffs accepted late', (run) => String(breachesOf(run, 'handoff-overdue'))),
      // History sent these cases round a loop without end: a sign the history is too thin to trust.
      row('Cases stopped going round a loop', (run) => String(run.runawayCases)),
    ],
  };
}

/** Median wait before someone picks each step up, a column per run ("—" where a run skips it). */
export function waitingTable(answer: SimulationAnswer, nameOf: (nodeId: string) => string): FigureTable {
  const nodeIds = [...new Set(answer.runs.flatMap((run) => run.steps.map((step) => step.nodeId)))].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  return {
    id: 'what-if-waiting',
    title: 'Median wait for a person, per step',
    header: ['Step', ...answer.runs.map((run) => run.scenario)],
    rows: nodeIds.map((nodeId) => [nameOf(nodeId), ...answer.runs.map((run) => {
      const step = run.steps.find((s) => s.nodeId === nodeId);
      return step ? formatDuration(step.waitMedianMs) : '—';
    })]),
  };
}

/** How many cases ended at each end event, a column per run: which way cases went. */
export function endingsTable(answer: SimulationAnswer, nameOf: (nodeId: string) => string): FigureTable {
  const nodeIds = [...new Set(answer.runs.flatMap((run) => Object.keys(run.endEvents)))].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  return {
    id: 'what-if-endings',
    title: 'How cases ended',
    header: ['End', ...answer.runs.map((run) => run.scenario)],
    rows: nodeIds.map((nodeId) => [nameOf(nodeId), ...answer.runs.map((run) => String(run.endEvents[nodeId] ?? 0))]),
  };
}

/** How busy each team's people are, a column per run. */
export function utilisationTable(answer: SimulationAnswer): FigureTable {
  const teams = [...new Set(answer.runs.flatMap((run) => run.teams.map((team) => team.team)))].sort();
  return {
    id: 'what-if-teams',
    title: 'People and utilisation per team',
    header: ['Team', ...answer.runs.map((run) => run.scenario)],
    rows: teams.map((team) => [team, ...answer.runs.map((run) => {
      const figures = run.teams.find((t) => t.team === team);
      return figures ? `${figures.people} people, ${formatRate(figures.utilisation)} busy` : '—';
    })]),
  };
}

/** Cases completed each simulated week, a series per run. */
export function throughputSeries(answer: SimulationAnswer): ChartData {
  const weeks = answer.runs[0]?.throughputPerWeek.length ?? 0;
  return {
    labels: Array.from({ length: weeks }, (_, i) => `Week ${i + 1}`),
    series: answer.runs.map((run) => ({ label: run.scenario, values: run.throughputPerWeek })),
  };
}

/** Cases open at the end of each simulated week, a series per run. */
export function wipSeries(answer: SimulationAnswer): ChartData {
  const weeks = answer.runs[0]?.wipAtWeekEnd.length ?? 0;
  return {
    labels: Array.from({ length: weeks }, (_, i) => `Week ${i + 1}`),
    series: answer.runs.map((run) => ({ label: run.scenario, values: run.wipAtWeekEnd })),
  };
}
