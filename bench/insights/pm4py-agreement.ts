// PM4Py agreement: the same synthetic FNO log answered by Casemap and by PM4Py, figure by figure —
// activity counts, directly-follows edges and counts, start/end activities, mean and median edge
// durations, variants — plus PM4Py's token-based replay fitness of the log on the BPMN Casemap
// discovers from it (the inductive miner promises every case fits: fitness 1.0), Casemap's own token
// replay against PM4Py's on a model of the most frequent variants only (so cases deviate), and
// (up to 100k rows) the flattening of Casemap's OCEL 2.0 export by each object type.
//   npx tsx bench/insights/pm4py-agreement.ts [10000 100000 1000000]   (events; XES up to 100k, CSV above)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseLog } from '../../domain/insights/analyse.ts';
import { compile } from '../../domain/compile/compile.ts';
import { exportOcel } from '../../domain/insights/formats/ocel-export.ts';
import { flattenedBy } from '../../domain/insights/formats/ocel-flattening.ts';
import { readOcel } from '../../domain/insights/formats/ocel-import.ts';
import { replayLog } from '../../domain/insights/token-replay.ts';
import { discoverProcessMap } from '../../domain/insights/discovery/discover-process-map.ts';
import { processTreeToBpmn } from '../../domain/insights/discovery/process-tree-bpmn.ts';
import { exportCsv } from '../../domain/insights/formats/csv-export.ts';
import { exportXes } from '../../domain/insights/formats/xes-export.ts';
import { generateSyntheticLog } from '../../domain/insights/synthetic-log.ts';
import { ensurePm4py, runPm4pyReference } from './pm4py.ts';

/** Durations are compared in seconds; Casemap keeps milliseconds as doubles, PM4Py seconds as float64. */
export const SECONDS_TOLERANCE = 1e-6;
/**
 * Casemap's token replay against PM4Py's on the same BPMN: the same net (built and reduced as PM4Py
 * does) and the same token counts case by case, so log fitness agrees to rounding and the share of
 * fitting cases exactly. (Silent moves are searched breadth first, PM4Py follows shortest paths
 * between places: on the discovered block-structured models they fire the same transitions.)
 */
export const FITNESS_TOLERANCE = 1e-9;
/** The replayed model holds the most frequent variants covering this share of cases, so the rest deviate. */
const PARTIAL_COVERAGE = 0.6;
/** The OCEL figure's file is about four times the XES; above this many rows it is left out. */
const MAX_OCEL_ROWS = 100_000;
/** A synthetic FNO case writes about 25 lifecycle rows (schedule, start, complete of each task). */
const ROWS_PER_CASE = 25;

export interface Figure {
  figure: string;
  equal: boolean;
  casemap: unknown;
  pm4py: unknown;
}

export interface Agreement {
  events: number;
  cases: number;
  format: 'xes' | 'csv';
  figures: Figure[];
}

const sortedEntries = (record: Record<string, number>) => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const closeSeconds = (a: readonly (readonly [string, string, number])[], b: readonly (readonly [string, string, number])[]) =>
  a.length === b.length && a.every(([from, to, s], i) => from === b[i]![0] && to === b[i]![1] && Math.abs(s - b[i]![2]) <= SECONDS_TOLERANCE * Math.max(1, Math.abs(s)));

/** Runs both sides on a log of about `events` lifecycle rows; throws when PM4Py is missing. */
export async function pm4pyAgreement(events: number, seed = 20260105): Promise<Agreement> {
  const pm4py = ensurePm4py();
  if (!pm4py.available) throw new Error(`PM4Py is not available: ${pm4py.reason}. Run \`npm run provision\`.`);
  const cases = Math.max(1, Math.round(events / ROWS_PER_CASE));
  const now = '2030-01-01T00:00:00.000Z';
  const log = generateSyntheticLog({ seed, cases, start: '2026-01-05T09:00:00Z', until: now });
  const format = events > 100_000 ? 'csv' : 'xes';
  const dir = mkdtempSync(join(tmpdir(), 'casemap-agreement-'));
  try {
    const logFile = join(dir, `log.${format}`);
    writeFileSync(logFile, format === 'csv' ? exportCsv(log) : exportXes(log));
    const { tree } = discoverProcessMap(log);
    const modelFile = join(dir, 'discovered.bpmn');
    writeFileSync(modelFile, await processTreeToBpmn(tree));
    const partialXml = await processTreeToBpmn(discoverProcessMap(log, { variantCoverage: PARTIAL_COVERAGE }).tree);
    const partialFile = join(dir, 'partial.bpmn');
    writeFileSync(partialFile, partialXml);
    const withOcel = events <= MAX_OCEL_ROWS;
    const ocelFile = join(dir, 'log.jsonocel');
    const ocelText = withOcel ? JSON.stringify(exportOcel(log)) : '';
    if (withOcel) writeFileSync(ocelFile, ocelText);
    const theirs = runPm4pyReference([logFile, '--activities', '--bpmn', modelFile, '--bpmn', partialFile, ...(withOcel ? ['--ocel-flatten', ocelFile] : [])]);
    const partialModel = await compile(partialXml);
    if (!partialModel.ir) throw new Error('The discovered partial model does not compile.');
    const replay = replayLog(log, partialModel.ir);
    const ourFit = { log_fitness: replay.fitness, perc_fit_traces: (100 * replay.fittingCases) / replay.cases };
    const theirFit = theirs.fitnesses?.[1];

    const report = analyseLog(log, { now, maxVariants: 10_000 });
    const edges = report.directlyFollows.edges;
    const byName = (list: { name: string; count: number }[]) => Object.fromEntries(list.map((s) => [s.name, s.count]));
    const activities: Record<string, number> = {};
    for (const element of report.elements) if (element.kind === 'task' && element.completed > 0) activities[element.name] = (activities[element.name] ?? 0) + element.completed;
    const ours = {
      traces: report.variants.variants.reduce((sum, v) => sum + v.count, 0),
      activities: sortedEntries(activities),
      dfg: edges.map((e) => [e.fromName, e.toName, e.count] as const).sort(),
      starts: sortedEntries(byName(report.directlyFollows.starts)),
      ends: sortedEntries(byName(report.directlyFollows.ends)),
      mean: edges.map((e) => [e.fromName, e.toName, e.duration.mean! / 1000] as const).sort(),
      median: edges.map((e) => [e.fromName, e.toName, e.duration.median! / 1000] as const).sort(),
      variants: report.variants.variants.map((v) => [v.activities.join(' → '), v.count] as const).sort(),
    };
    const pm = {
      traces: theirs.traces,
      activities: sortedEntries(theirs.activities ?? {}),
      dfg: (theirs.dfg ?? []).map(([a, b, n]) => [a, b, n] as const).sort(),
      starts: sortedEntries(theirs.starts ?? {}),
      ends: sortedEntries(theirs.ends ?? {}),
      mean: theirs.performance.map(([a, b, mean]) => [a, b, mean] as const).sort(),
      median: theirs.performance.map(([a, b, , median]) => [a, b, median] as const).sort(),
      variants: (theirs.variants ?? []).map(([acts, n]) => [acts.join(' → '), n] as const).sort(),
    };
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const figures: Figure[] = [
      { figure: 'cases with a completed step', equal: ours.traces === pm.traces, casemap: ours.traces, pm4py: pm.traces },
      { figure: 'activity counts (complete events)', equal: same(ours.activities, pm.activities), casemap: ours.activities, pm4py: pm.activities },
      { figure: 'directly-follows edges and counts', equal: same(ours.dfg, pm.dfg), casemap: ours.dfg, pm4py: pm.dfg },
      { figure: 'start activities', equal: same(ours.starts, pm.starts), casemap: ours.starts, pm4py: pm.starts },
      { figure: 'end activities', equal: same(ours.ends, pm.ends), casemap: ours.ends, pm4py: pm.ends },
      { figure: `mean edge durations (s, ±${SECONDS_TOLERANCE} relative)`, equal: closeSeconds(ours.mean, pm.mean), casemap: ours.mean, pm4py: pm.mean },
      { figure: `median edge durations (s, ±${SECONDS_TOLERANCE} relative)`, equal: closeSeconds(ours.median, pm.median), casemap: ours.median, pm4py: pm.median },
      { figure: 'variants and their counts', equal: same(ours.variants, pm.variants), casemap: ours.variants, pm4py: pm.variants },
      {
        figure: 'token-based replay on the discovered BPMN (log fitness, share of fitting cases)',
        equal: theirs.fitness?.log_fitness === 1 && theirs.fitness.perc_fit_traces === 100,
        casemap: { log_fitness: 1, perc_fit_traces: 100 },
        pm4py: theirs.fitness,
      },
      {
        figure: `Casemap's own token replay vs PM4Py's on a model of ${PARTIAL_COVERAGE * 100} % of the cases (log fitness ±${FITNESS_TOLERANCE}, share of fitting cases)`,
        equal: theirFit !== undefined && Math.abs(ourFit.log_fitness - theirFit.log_fitness) <= FITNESS_TOLERANCE && ourFit.perc_fit_traces === theirFit.perc_fit_traces,
        casemap: ourFit,
        pm4py: theirFit,
      },
    ];
    if (withOcel) {
      const read = readOcel(ocelText, 'jsonocel');
      if (!read.ok) throw new Error(read.problem.message);
      const ours: Record<string, Record<string, string[]>> = {};
      for (const { name } of read.log.objectTypes) {
        const cases: Record<string, string[]> = {};
        for (const row of flattenedBy(read.log.rows, name)) (cases[row.caseId] ??= []).push(row.activity);
        ours[name] = cases;
      }
      const canonical = (flat: Record<string, Record<string, string[]>> | undefined) => JSON.stringify(Object.entries(flat ?? {}).sort().map(([type, cases]) => [type, Object.entries(cases).sort()]));
      figures.push({ figure: 'OCEL 2.0 flattening by each object type (every case and its activities in order)', equal: canonical(ours) === canonical(theirs.flattened), casemap: Object.keys(ours), pm4py: Object.keys(theirs.flattened ?? {}) });
    }
    return { events: log.length, cases, format, figures };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number);
  let failed = false;
  for (const size of sizes.length ? sizes : [10_000, 100_000, 1_000_000]) {
    const started = performance.now();
    const result = await pm4pyAgreement(size);
    console.log(`\n${size.toLocaleString('en')} rows (${result.cases} cases, ${result.format.toUpperCase()}), ${((performance.now() - started) / 1000).toFixed(0)} s`);
    for (const f of result.figures) {
      console.log(`  ${f.equal ? 'equal  ' : 'DIFFER '} ${f.figure}`);
      if (!f.equal) {
        failed = true;
        console.log(`    casemap: ${JSON.stringify(f.casemap).slice(0, 400)}\n    pm4py:   ${JSON.stringify(f.pm4py).slice(0, 400)}`);
      }
    }
  }
  process.exitCode = failed ? 1 : 0;
}
