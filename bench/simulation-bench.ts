// The what-if simulation on the FNO returns sample (issue #21), the worked example of
// docs/simulation.md: a history made from a stated ground truth (bench/simulation/fno-ground-truth.ts),
// the model fitted back from it and checked against a later period it did not see, then a year at
// about six referrals a working day simulated under the baseline and four scenarios, timed by the
// shared method (bench/method). No peer runs the same model (simulators such as BIMP or PM4Py's
// playout know nothing of Casemap's engine), so the timing is Casemap's alone: the figure the issue
// asks for is "a year of the FNO library in seconds".
// Run: npx tsx bench/simulation-bench.ts   (BENCH_ROUNDS=<n> ≥ 5)
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compareWithHistory } from '../domain/simulation/compare-with-history.ts';
import { fitSimulationModel } from '../domain/simulation/fit-simulation-model.ts';
import { simulate } from '../domain/simulation/simulate.ts';
import { SimulatedLog } from '../domain/simulation/simulated-log.ts';
import { baseline, type Scenario } from '../domain/simulation/scenario.ts';
import type { SimulationResult } from '../domain/simulation/simulation-results.ts';
import { compare } from './method/compare.ts';
import { printComparison } from './method/print-comparison.ts';
import { compileSample } from '../runtime/sample-library.ts';
import { fnoGroundTruth } from './simulation/fno-ground-truth.ts';

const WEEK = 7 * 86_400_000;
const DAY_MS = 86_400_000;
const FROM = Date.parse('2026-01-05T00:00:00Z');
const HISTORY_WEEKS = 39;
const FIT_WEEKS = 26;

const scenarios: Scenario[] = [
  baseline,
  { name: '+2 in FNO Returns', staffChange: { 'fno-returns': 2 }, arrivalFactor: 1, removedSteps: [] },
  { name: '−1 in barrier clearance', staffChange: { 'barrier-clearance': -1 }, arrivalFactor: 1, removedSteps: [] },
  { name: 'arrivals +30 %', staffChange: {}, arrivalFactor: 1.3, removedSteps: [] },
  { name: 'no second identity check', staffChange: {}, arrivalFactor: 1, removedSteps: ['Task_redoc_identity'] },
];

const days = (ms: number | null) => (ms === null ? '—' : (ms / DAY_MS).toFixed(1));

function row(run: SimulationResult): string {
  const perWeek = run.throughputPerWeek.reduce((a, b) => a + b, 0) / run.weeks;
  const sla = run.breaches.filter((b) => b.kind === 'sla-breached').reduce((sum, b) => sum + b.count, 0);
  const decideLate = run.breaches.find((b) => b.kind === 'sla-breached' && b.nodeId === 'Task_decide')?.count ?? 0;
  const ersMissed = run.endEvents.End_ers_missed ?? 0;
  const wipEnd = run.wipAtWeekEnd.at(-1) ?? 0;
  return `| ${run.scenario} | ${run.cases.started} | ${perWeek.toFixed(1)} | ${wipEnd} | ${days(run.cycleTime.medianMs)} | ${days(run.cycleTime.p90Ms)} | ${sla} | ${decideLate} | ${ersMissed} |`;
}

export async function runSimulationBench(): Promise<void> {
  // With its ERS decision table attached, as the deployed sample runs it.
  const ir = await compileSample(fileURLToPath(new URL('../processes', import.meta.url)), 'fno-returns-casework');

  // 1. History from the ground truth, then the check: fit on 26 weeks, simulate the next 13.
  const history = new SimulatedLog();
  simulate({ ir, model: fnoGroundTruth(2026, FROM), scenario: baseline, from: FROM, weeks: HISTORY_WEEKS, seed: 11, log: history, caseIdPrefix: 'history' });
  const check = compareWithHistory(ir, history.events, { fitFrom: FROM, checkFrom: FROM + FIT_WEEKS * WEEK, weeks: HISTORY_WEEKS - FIT_WEEKS, seed: 5 });
  console.log(`\nSimulation vs the history it did not see (fitted on ${check.fittedOn.cases} cases started in ${FIT_WEEKS} weeks; checked on the next ${HISTORY_WEEKS - FIT_WEEKS} weeks: ${check.actual.completed} cases completed in them):`);
  console.log('| | completed per week | median cycle time (days) |');
  console.log('|---|---:|---:|');
  console.log(`| history | ${check.actual.completedPerWeek.toFixed(1)} | ${days(check.actual.cycleTimeMedianMs)} |`);
  console.log(`| simulation | ${check.simulated.completedPerWeek.toFixed(1)} | ${days(check.simulated.cycleTimeMedianMs)} |`);
  console.log(`| error | ${(check.relativeError.completedPerWeek * 100).toFixed(1)} % | ${(check.relativeError.cycleTimeMedian * 100).toFixed(1)} % |`);

  // 2. A year ahead under each scenario, from the model fitted on the whole history.
  const model = fitSimulationModel(history.events);
  const start = FROM + HISTORY_WEEKS * WEEK;
  const year = (scenario: Scenario) => simulate({ ir, model, scenario, from: start, weeks: 52, seed: 3 });
  console.log(`\nA year ahead (52 weeks from ${new Date(start).toISOString().slice(0, 10)}), fitted staffing ${JSON.stringify(model.teamPeople)}:`);
  console.log('| scenario | cases started | completed per week | open at the end | median cycle (days) | p90 cycle (days) | step SLA breaches | decisions past the ERS window | ended at the ERS date |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const scenario of scenarios) console.log(row(year(scenario)));

  // 3. How long a year takes to simulate.
  let steps = 0;
  printComparison(
    await compare({
      title: 'Simulating a year of the FNO returns sample (baseline, about 6 referrals a working day)',
      notes: ['One contender: no peer runs the same model on the same engine (see the header of bench/simulation-bench.ts).'],
      contenders: [
        {
          name: 'casemap-simulation',
          does: 'fits nothing (model given); runs 52 weeks on domain/engine in simulated office time',
          run: () => {
            const run = year(baseline);
            steps = run.engineSteps;
            return undefined;
          },
        },
      ],
    }),
  );
  console.log(`engine steps per simulated year: ${steps.toLocaleString('en-GB')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runSimulationBench();
