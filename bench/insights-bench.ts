// Insights on a 1,000,000-event synthetic FNO log, by the shared method (bench/method): Casemap's
// bottleneck analysis against PM4Py's performance DFG (pm4py.discover_performance_dfg) on the same log.
// Contenders (interleaved, one warm-up round):
// - analyseLog, calendar time: the full report (element statistics, DFG, handoffs, rework,
//   variants, durations, throughput/WIP, SLA breaches, at-risk) from every event;
// - analyseLog, working time: the same report with durations in working time;
// - group by case + DFG: Casemap's traces and directly-follows graph only, the part PM4Py's call covers;
// - pm4py performance DFG: a Python process reads the exported CSV, keeps the `complete` events and
//   times `discover_performance_dfg` on the loaded dataframe (its own clock: reading, filtering and
//   Python's start are not in the figure; the read time is printed apart).
// Run: npx tsx bench/insights-bench.ts   (BENCH_EVENTS=<n>, default 1000000; BENCH_ROUNDS ≥ 5;
// BENCH_PM4PY=skip leaves PM4Py out instead of installing it into .tools/python)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyseLog } from '../domain/insights/analyse.ts';
import { directlyFollows } from '../domain/insights/directly-follows.ts';
import { analysisContext } from '../domain/insights/analysis-context.ts';
import { buildTraces } from '../domain/insights/case-traces.ts';
import { exportCsv } from '../domain/insights/formats/csv-export.ts';
import { generateSyntheticLog } from '../domain/insights/synthetic-log.ts';
import { compare, type Contender } from './method/compare.ts';
import { formatFigure, printComparison } from './method/print-comparison.ts';
import { summarise } from './method/statistics.ts';
import { ensurePm4py, runPm4pyReference, type Pm4pyResult } from './insights/pm4py.ts';

const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const start = '2024-01-08T09:00:00Z';
const now = '2026-12-01T00:00:00.000Z';

export async function runInsightsBench(): Promise<void> {
  const perCase = generateSyntheticLog({ seed: 1, cases: 500, start }).length / 500;
  const cases = Math.round(TARGET_EVENTS / perCase);
  const log = generateSyntheticLog({ seed: 1849, cases, start, casesPerDay: cases / 1000, until: now });
  const report = analyseLog(log, { now });

  const contenders: Contender[] = [
    { name: 'analyseLog, calendar time', does: 'the full bottleneck report from every event, durations in calendar time.', run: () => void analyseLog(log, { now }) },
    { name: 'analyseLog, working time', does: 'the same full report, durations in working time.', run: () => void analyseLog(log, { now, time: 'working' }) },
    {
      name: 'group by case + DFG',
      does: "Casemap's traces and directly-follows graph only (with durations): the part PM4Py's call covers.",
      run: () => {
        const traces = buildTraces(log);
        directlyFollows(traces, analysisContext(traces, { now }));
      },
    },
  ];
  const notes = [`Synthetic FNO log (seed 1849): ${log.length.toLocaleString('en-GB')} events, ${cases.toLocaleString('en-GB')} cases; Node ${process.version}. One process; each Casemap contender is timed by the wall clock.`];

  const pm4py = process.env.BENCH_PM4PY === 'skip' ? ({ available: false, reason: 'BENCH_PM4PY=skip' } as const) : ensurePm4py();
  const dir = mkdtempSync(join(tmpdir(), 'casemap-insights-bench-'));
  const references: Pm4pyResult[] = [];
  try {
    if (pm4py.available) {
      const csv = join(dir, 'log.csv');
      writeFileSync(csv, exportCsv(log));
      contenders.push({
        name: 'pm4py performance DFG',
        does: `PM4Py ${pm4py.version}: a Python process reads the same log as CSV, keeps the complete events, and times discover_performance_dfg on the loaded dataframe (reading excluded).`,
        run: (round) => {
          const reference = runPm4pyReference([csv, '--only-performance-dfg']);
          if (round >= 0) references.push(reference);
          return { ms: reference.timings.performance_dfg * 1000 };
        },
      });
      notes.push("PM4Py's figure covers only the complete events (about 1 in 8) and excludes reading; Casemap's cover every event.");
    } else notes.push(`PM4Py left out (${pm4py.reason}): no comparison with it.`);

    await compare({
      title: 'insights: bottleneck report vs PM4Py performance DFG',
      notes,
      contenders,
      ratios: pm4py.available
        ? [
            ['analyseLog, calendar time', 'pm4py performance DFG'],
            ['group by case + DFG', 'pm4py performance DFG'],
          ]
        : [['analyseLog, calendar time', 'group by case + DFG']],
    }).then(printComparison);
    console.log(`Report: ${report.cases.total} cases, ${report.elements.length} elements, ${report.directlyFollows.edges.length} DF edges, ${report.variants.total} variants, ${report.atRisk.length} at risk.`);

    const reference = references[0];
    if (reference) {
      const read = summarise(references.map((r) => r.timings.read * 1000));
      console.log(`PM4Py reading the CSV into its dataframe (same runs, not in its figure): median ${formatFigure(read.median)} ms, min–max ${formatFigure(read.min)} – ${formatFigure(read.max)} ms; ${reference.events.toLocaleString('en-GB')} complete events.`);
      const ours = new Map(report.directlyFollows.edges.map((e) => [`${e.fromName}|${e.toName}`, e.duration.mean! / 1000]));
      const worst = Math.max(...reference.performance.map(([a, b, mean]) => Math.abs((ours.get(`${a}|${b}`) ?? Number.NaN) - mean)));
      console.log(`Agreement: ${reference.performance.length} edges, largest difference of mean duration ${worst.toExponential(2)} s.`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runInsightsBench();
