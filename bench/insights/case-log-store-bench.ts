// A process's own case log: the version-filtered directly-follows graph from the analytical store
// (GET /insights/dfg?definitionId&version, migration 020) against the full recomputation GET
// /insights/report takes (every event of the version read, traces built, the report computed), by
// the shared method (bench/method): a started Casemap (express app, real HTTP, signed-in analyst) on
// a local PostgreSQL holding a few thousand ended cases of two versions, each written as a workflow
// writes it (appendCaseLogEvents: events, projection and — at the case's end — its fold, in one transaction).
// PM4Py answers the same two questions on its loaded dataframe of the same cases (filtering by the
// version, a case attribute, then discovering), one Python process per round (BENCH_PM4PY=skip leaves it out).
// Run: npx tsx bench/insights/case-log-store-bench.ts   (BENCH_CASES=<per version>, default 1500; BENCH_ROUNDS ≥ 5; BENCH_SETTLE=1); also in npm run bench
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CaseLogEvent } from '../../domain/events/case-log-event.ts';
import { generateSyntheticLog } from '../../domain/insights/synthetic-log.ts';
import { analysisContext } from '../../domain/insights/analysis-context.ts';
import { buildTraces } from '../../domain/insights/case-traces.ts';
import { directlyFollows } from '../../domain/insights/directly-follows.ts';
import { startInsightsApiServer } from './insights-api-server.ts';
import { appendCaseLogEvents } from '../../storage/case-log-store.ts';
import { deployVersion } from '../../storage/definition-store.ts';
import { compile } from '../../domain/compile/compile.ts';
import { definitionCaseLog } from '../../storage/insights-queries.ts';
import { deleteInsightAggregates } from '../../storage/insight-rollup.ts';
import { catchUpCaseLogFolds } from '../../services/case-log-folds.ts';
import { exportCsv } from '../../domain/insights/formats/csv-export.ts';
import { ensurePm4py, runPm4pyReference, type Pm4pyResult } from './pm4py.ts';
import { compare, type Contender } from '../method/compare.ts';
import { printComparison } from '../method/print-comparison.ts';

const CASES = Number(process.env.BENCH_CASES ?? 1500);
const DEFINITION = 'fno-end-to-end';
const start = '2025-01-06T09:00:00Z';
const until = '2026-12-01T00:00:00.000Z';
const FROM = '2025-03-15';
const TO = '2025-11-10';
const TEAM = 'fno-returns';
const WRITERS = 4;
const SETTLE = process.env.BENCH_SETTLE === '1';

/** One version's cases, their ids kept apart from the other version's. */
function versionLog(version: number): CaseLogEvent[] {
  const events = generateSyntheticLog({ seed: 20 + version, cases: CASES, start, casesPerDay: CASES / 400, until, order: 'case', definitionId: DEFINITION, version });
  const apart = (id: string) => `v${version}-${id}`;
  return events.map((event) => ({
    ...event, id: apart(event.id), caseId: apart(event.caseId),
    ...(event.kind === 'case-started' ? { data: { ...event.data, workflowId: apart(String(event.data.workflowId)) } } : {}),
  }));
}

export async function runCaseLogStoreBench(): Promise<void> {
  const server = await startInsightsApiServer('case-log-store-bench');
  const { db, base, http } = server;
  const dir = mkdtempSync(join(tmpdir(), 'casemap-case-log-store-bench-'));
  try {
    // Writing the cases and each round's PM4Py process take longer than Node's 5 s keep-alive: a
    // connection the server closed meanwhile would fail the next request (ECONNRESET at 1M events).
    http.keepAliveTimeout = 900_000;
    const authorization = await server.authorizationOf('analyst');
    // The diagram only names steps here; two deploys make versions 1 and 2 (stored directly: deploying through the API would reach Temporal).
    const xml = readFileSync(new URL('../../tests/fixtures/two-lane-referral.bpmn', import.meta.url), 'utf8');
    for (const name of ['Make deportation decision', 'Decide on deportation']) {
      const renamed = xml.replace('Make deportation decision', name);
      const compiled = await compile(renamed);
      if (!compiled.ir) throw new Error('The fixture did not compile.');
      await deployVersion(db, { definitionId: DEFINITION, name: 'FNO end to end', xml: renamed, ir: compiled.ir });
    }

    let events = 0;
    let started = performance.now();
    for (const version of [1, 2]) {
      const byCase = new Map<string, CaseLogEvent[]>();
      for (const event of versionLog(version)) byCase.set(event.caseId, [...(byCase.get(event.caseId) ?? []), event]);
      // A case's events in one write, as a workflow's last flush before its end: the end folds the case in that transaction.
      // Four writers at once, as several workflows end together: their folds add to the same aggregate rows.
      const queue = [...byCase.values()];
      await Promise.all(Array.from({ length: WRITERS }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await appendCaseLogEvents(db, next);
      }));
      events += [...byCase.values()].reduce((n, list) => n + list.length, 0);
    }
    const writeMs = performance.now() - started;
    const [counts] = await db.query<{ ended: number; folded: number }>(
      `SELECT (SELECT count(*) FROM cases WHERE definition_id = $1 AND ended_at IS NOT NULL)::int AS ended, (SELECT count(*) FROM insight_cases WHERE source = $2)::int AS folded`,
      [DEFINITION, `definition:${DEFINITION}`],
    );

    // The fold's own share of a write: every case folded again, one transaction each, by the catch-up (after its rows are removed).
    await db.transaction((tx) => deleteInsightAggregates(tx, `definition:${DEFINITION}`));
    started = performance.now();
    const refolded = await catchUpCaseLogFolds(db);
    const foldMs = performance.now() - started;

    const get = async (path: string) => {
      const response = await fetch(`${base}${path}`, { headers: { authorization } });
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    const questions = { version: `/insights/dfg?definitionId=${DEFINITION}&version=2`, narrowed: `/insights/dfg?definitionId=${DEFINITION}&version=2&from=${FROM}&to=${TO}&team=${TEAM}` };
    // BENCH_SETTLE=1: after whatever disturbs the server (each round's PM4Py process, a full
    // recomputation's gigabytes in this process) both store questions are asked once, untimed, so the
    // next timed request finds the server settled, as PM4Py finds its dataframe loaded (as in
    // bench/insights-api-bench.ts). The disturbing contender's own time is taken before it.
    const settle = async () => {
      if (SETTLE) for (const path of Object.values(questions)) await get(path);
    };
    const timedThenSettled = async (work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      const ms = performance.now() - started;
      await settle();
      return { ms };
    };
    const contenders: Contender[] = [
      { name: 'store DFG, version', does: `GET /insights/dfg?definitionId&version=2: the ended cases' graph with count, mean, stdev, min, max per edge, from the aggregates.`, run: async () => void (await get(questions.version)) },
      { name: 'store DFG, version + days + team', does: `the same for cases started in [${FROM}, ${TO}) on team ${TEAM}'s events.`, run: async () => void (await get(questions.narrowed)) },
      { name: 'report, version', does: 'GET /insights/report?definitionId&version=2: every event of the version read, traces built, the whole report computed (the DFG among it) — the path the process DFG took before.', run: () => timedThenSettled(() => get(`/insights/report?definitionId=${DEFINITION}&version=2`)) },
      {
        name: 'recompute DFG, version',
        does: 'in process, no HTTP: the version\'s events read as the report reads them, traces built, directlyFollows alone — the least a full recomputation of the graph costs.',
        run: () => timedThenSettled(async () => {
          const traces = buildTraces(await definitionCaseLog(db, { definitionId: DEFINITION, version: 2 }));
          directlyFollows(traces, analysisContext(traces, { now: until }));
        }),
      },
    ];
    // PM4Py: the same cases, each version exported as Casemap exports a log (CSV), tagged with its version when read.
    const pm4py = process.env.BENCH_PM4PY === 'skip' ? ({ available: false, reason: 'BENCH_PM4PY=skip' } as const) : ensurePm4py();
    const ratios: [string, string][] = [['report, version', 'store DFG, version'], ['recompute DFG, version', 'store DFG, version']];
    const notes: string[] = [];
    const references: NonNullable<Pm4pyResult['versions']>[] = [];
    if (pm4py.available) {
      const files = [1, 2].map((version) => {
        const file = join(dir, `v${version}.csv`);
        writeFileSync(file, exportCsv(versionLog(version)));
        return file;
      });
      const rounds = new Map<number, NonNullable<Pm4pyResult['versions']>>();
      const round = async (r: number) => {
        let result = rounds.get(r);
        if (!result) {
          result = runPm4pyReference(['--version-questions', ...files, `${FROM}T00:00:00Z`, `${TO}T00:00:00Z`, TEAM]).versions!;
          rounds.set(r, result);
          references.push(result);
          await settle();
        }
        return result.timings;
      };
      contenders.push(
        { name: 'pm4py DFG, version', does: `PM4Py ${pm4py.version} on its loaded dataframe of both versions' complete events: filter_event_attribute_values(case:version, level case), then discover_dfg and discover_performance_dfg.`, run: async (r) => ({ ms: (await round(r)).version_dfg_and_performance * 1000 }) },
        { name: 'pm4py DFG, version + days + team', does: `the version, then cases whose start (a column added at load, not timed) is in the range, then team ${TEAM}'s events (level event), then both discoveries.`, run: async (r) => ({ ms: (await round(r)).version_days_team_dfg_and_performance * 1000 }) },
      );
      ratios.push(['pm4py DFG, version', 'store DFG, version'], ['pm4py DFG, version + days + team', 'store DFG, version + days + team']);
      notes.push('PM4Py figures are its own clock on a dataframe it has read (the read is not timed), one Python process per round; ratios above 1: the store is faster.');
    } else notes.push(`PM4Py left out (${pm4py.reason}).`);

    // Store and PM4Py contenders alternate, so the request after a round's PM4Py process is not the same question every round.
    const [storeVersion, storeNarrowed, ...recomputations] = contenders.splice(0, 4);
    const pm4pyContenders = contenders.splice(0);
    contenders.push(storeVersion!, ...pm4pyContenders.slice(0, 1), storeNarrowed!, ...pm4pyContenders.slice(1), ...recomputations);
    notes.push(SETTLE ? 'BENCH_SETTLE=1: after each PM4Py process, report and recomputation, both store questions are asked once, untimed.' : 'Not settled (BENCH_SETTLE unset): the request after a PM4Py process or a recomputation pays for what it evicted.');
    const result = await compare({
      title: "a process's own case log: version-filtered DFG from the analytical store vs a full recomputation",
      notes: [
        `Synthetic FNO cases (generateSyntheticLog, seeds 21 and 22): ${(2 * CASES).toLocaleString('en-GB')} cases in two versions, ${events.toLocaleString('en-GB')} events, ${counts!.ended.toLocaleString('en-GB')} ended and ${counts!.folded.toLocaleString('en-GB')} folded; local PostgreSQL; Node ${process.version}.`,
        `Written case by case through appendCaseLogEvents (events, projections, the fold at the end), ${WRITERS} writers at once: ${Math.round(writeMs).toLocaleString('en-GB')} ms in all, ${(writeMs / (2 * CASES)).toFixed(1)} ms a case of wall clock.`,
        `The folds alone (the catch-up folding all ${refolded.toLocaleString('en-GB')} ended cases again, one transaction each, one writer): ${Math.round(foldMs).toLocaleString('en-GB')} ms, ${(foldMs / Math.max(1, refolded)).toFixed(1)} ms a case.`,
        `Load average at start (1, 5, 15 min): ${loadavg().map((n) => n.toFixed(2)).join(', ')}.`,
        ...notes,
      ],
      contenders,
      ratios,
    });
    printComparison(result);
    const reference = references[0];
    if (reference) {
      // The process's graph names steps by its diagram, PM4Py's by the log's activity names: the edge counts are compared as sorted lists.
      const counts = (dfg: { edges: { count: number }[] }) => dfg.edges.map((edge) => edge.count).sort((a, b) => a - b);
      const same = (ours: number[], theirs: number[]) => JSON.stringify(ours) === JSON.stringify(theirs);
      console.log(`Agreement with PM4Py (edge counts): version ${same(counts(await get(`/insights/dfg?definitionId=${DEFINITION}&version=2`)), reference.version)}, version + days + team ${same(counts(await get(`/insights/dfg?definitionId=${DEFINITION}&version=2&from=${FROM}&to=${TO}&team=${TEAM}`)), reference.versionDaysTeam)}.`);
    }
    console.log(`Load average at end (1, 5, 15 min): ${loadavg().map((n) => n.toFixed(2)).join(', ')}.`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runCaseLogStoreBench();
