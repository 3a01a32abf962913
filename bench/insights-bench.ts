// Insights on a 1,000,000-event synthetic FNO log: Casemap's full bottleneck analysis, timed, against
// PM4Py's performance DFG (pm4py.discover_performance_dfg) on the same log, in the same run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseLog } from '../domain/insights/analyse.ts';
import { directlyFollows } from '../domain/insights/directly-follows.ts';
import { analysisContext } from '../domain/insights/analysis-context.ts';
import { buildTraces } from '../domain/insights/case-traces.ts';
import { exportCsv } from '../domain/insights/formats/csv-export.ts';
import { generateSyntheticLog } from '../domain/insights/synthetic-log.ts';
import { ensurePm4py, runPm4pyReference } from './insights/pm4py.ts';

const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const start = '2024-01-08T09:00:00Z';
const now = '2026-12-01T00:00:00.000Z';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time<T>(work: () => T): { ms: number; result: T } {
  const t0 = performance.now();
  const result = work();
  return { ms: performance.now() - t0, result };
}

export async function runInsightsBench(): Promise<void> {
  const perCase = generateSyntheticLog({ seed: 1, cases: 500, start }).length / 500;
  const cases = Math.round(TARGET_EVENTS / perCase);
  const log = generateSyntheticLog({ seed: 1849, cases, start, casesPerDay: cases / 1000, until: now });
  console.log(`insights bench: ${log.length.toLocaleString('en-GB')} events, ${cases.toLocaleString('en-GB')} cases (synthetic FNO log, seed 1849), Node ${process.version}`);

  const full = Array.from({ length: RUNS }, () => time(() => analyseLog(log, { now })).ms);
  const dfgOnly = Array.from({ length: RUNS }, () => time(() => {
    const traces = buildTraces(log);
    return directlyFollows(traces, analysisContext(traces, { now }));
  }).ms);
  const working = time(() => analyseLog(log, { now, time: 'working' })).ms;
  const report = analyseLog(log, { now });
  console.log(`casemap analyseLog (full report, calendar time): median ${median(full).toFixed(0)} ms of ${RUNS} (${full.map((ms) => ms.toFixed(0)).join(', ')})`);
  console.log(`casemap directly-follows only (group + DFG):    median ${median(dfgOnly).toFixed(0)} ms`);
  console.log(`casemap analyseLog (full report, working time): ${working.toFixed(0)} ms (one run)`);
  console.log(`report: ${report.cases.total} cases, ${report.elements.length} elements, ${report.directlyFollows.edges.length} DF edges, ${report.variants.total} variants, ${report.atRisk.length} at risk`);

  const pm4py = ensurePm4py();
  if (!pm4py.available) {
    console.log(`PM4Py not available (${pm4py.reason}): no comparison.`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'casemap-insights-bench-'));
  try {
    const csv = join(dir, 'log.csv');
    writeFileSync(csv, exportCsv(log));
    const reference = runPm4pyReference([csv, '--only-performance-dfg']);
    const pmMs = reference.timings.performance_dfg * 1000;
    console.log(`pm4py ${reference.pm4py} discover_performance_dfg on the same log (${reference.events.toLocaleString('en-GB')} complete events, dataframe already loaded): ${pmMs.toFixed(0)} ms; reading the CSV into PM4Py: ${(reference.timings.read * 1000).toFixed(0)} ms`);
    console.log(`ratio casemap full report / pm4py performance DFG: ${(median(full) / pmMs).toFixed(2)}`);
    console.log(`ratio casemap DFG only / pm4py performance DFG:    ${(median(dfgOnly) / pmMs).toFixed(2)}`);
    const ours = new Map(report.directlyFollows.edges.map((e) => [`${e.fromName}|${e.toName}`, e.duration.mean! / 1000]));
    const worst = Math.max(...reference.performance.map(([a, b, mean]) => Math.abs((ours.get(`${a}|${b}`) ?? Number.NaN) - mean)));
    console.log(`agreement: ${reference.performance.length} edges, largest difference of mean duration ${worst.toExponential(2)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runInsightsBench();
