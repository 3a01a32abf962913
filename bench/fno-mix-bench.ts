// The FNO sample library at its realistic mix (issue #17): the demo load (demo/demo-load.ts) runs
// FNO returns cases through the real engine — demo caseworkers ("bots", one to three per team)
// claim and complete every user task with the same Updates the API sends, hand-offs between teams,
// other systems' messages as Signals, removals as child cases, every simulated wait and timer date
// scaled to `FNO_HOUR_MS` real ms per simulated hour. By the shared method: each round lets the
// load start `FNO_CASES` more cases and waits for those that are planned to end (a planned share
// stalls on purpose, as in the demo) to end; cases/s is that count over the round's time, and the
// p95 is of every Update the bots sent in the round (claims and completions, refused ones too).
// One contender (Casemap): the figure is recorded for later rounds of the issue to compare against.
// Run: npx tsx bench/fno-mix-bench.ts   (FNO_CASES=10 FNO_HOUR_MS=1; BENCH_ROUNDS ≥ 5)
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { startOwnCase } from '../services/case-start.ts';
import { startDemoLoad } from '../demo/demo-load.ts';
import { DEMO_MARKER, scenarioFor, stallsAt } from '../demo/demo-load-plan.ts';
import { deploySampleLibrary } from '../runtime/sample-library.ts';
import { searchCases } from '../storage/case-queries.ts';
import { startSideBySideWorkers } from './load-workers.ts';
import { compare, type Comparison } from './method/compare.ts';
import { printComparison } from './method/print-comparison.ts';
import { quantile } from './method/statistics.ts';

const FNO = 'fno-returns-casework';
const processesDir = fileURLToPath(new URL('../processes', import.meta.url));

/** The client the bots use, with every Update's latency noted (the rest passes straight through). */
function timeUpdates(client: Client, latencies: number[]): Client {
  const workflow = new Proxy(client.workflow, {
    get(target, property, receiver) {
      if (property !== 'getHandle') return Reflect.get(target, property, receiver);
      return (...args: Parameters<Client['workflow']['getHandle']>) => {
        const handle = target.getHandle(...args);
        return new Proxy(handle, {
          get(inner, name, innerReceiver) {
            if (name !== 'executeUpdate') return Reflect.get(inner, name, innerReceiver);
            return async (...update: Parameters<WorkflowHandle['executeUpdate']>) => {
              const began = performance.now();
              try {
                return await inner.executeUpdate(...update);
              } finally {
                latencies.push(performance.now() - began);
              }
            };
          },
        });
      };
    },
  });
  return new Proxy(client, { get: (target, property, receiver) => (property === 'workflow' ? workflow : Reflect.get(target, property, receiver)) });
}

export async function runFnoMixBench(casesPerRound = Number(process.env.FNO_CASES ?? 10), hourMs = Number(process.env.FNO_HOUR_MS ?? 1)): Promise<Comparison> {
  const workers = await startSideBySideWorkers('fno');
  const { db, client, casemapQueue: taskQueue } = workers;
  const deployed = await deploySampleLibrary(db, processesDir);
  const refused = deployed.filter((sample) => sample.errors.length > 0);
  if (refused.length > 0) throw new Error(`Sample processes failed their checks: ${refused.map((sample) => `${sample.id}: ${sample.errors.join('; ')}`).join(' | ')}`);
  let target = 0;
  const endedCount = async () => (await searchCases(db, { scope: { kind: 'all' }, definitionId: FNO, dataField: 'demoLoad', dataValue: DEMO_MARKER, status: 'completed', sort: 'started', limit: 1, offset: 0 })).total;
  try {
    return printComparison(
      await compare({
        title: `the FNO sample library at its realistic mix: ${casesPerRound} cases a round, 1 simulated hour = ${hourMs} ms`,
        notes: [
          'The demo load (demo/demo-load.ts) with its bots, hand-offs, messages and child cases; cases arrive every 8 simulated hours, at most one per 50 ms tick.',
          "cases/s: the round's cases planned to end, over the time from the round's start to the last one's end. Cases planned to stall stay open and keep their timers running in later rounds.",
          'Bound by the simulated waits as well as by the engine: compare rounds at the same FNO_HOUR_MS only.',
        ],
        measures: [
          { key: 'casesPerSecond', unit: 'cases / s', better: 'higher', digits: 2 },
          { key: 'p95UpdateMs', unit: 'ms, p95 of the bots’ Updates', better: 'lower', digits: 0 },
          { key: 'p50UpdateMs', unit: 'ms, p50 of the bots’ Updates', better: 'lower', digits: 0 },
        ],
        contenders: [
          {
            name: 'casemap',
            does: 'FNO returns cases run by the demo load through caseWorkflow, the projection and the bots.',
            async run() {
              const first = target;
              target += casesPerRound;
              const planned = Array.from({ length: casesPerRound }, (_, offset) => first + offset).filter((index) => !stallsAt[scenarioFor(index)]).length;
              const before = await endedCount();
              const latencies: number[] = [];
              const began = performance.now();
              const load = startDemoLoad(
                { db, client: timeUpdates(client, latencies), startCase: (request) => startOwnCase({ db, client, taskQueue }, request) },
                { cases: target, hourMs, tickMs: 50, installation: taskQueue },
              );
              try {
                const deadline = began + 300_000;
                while ((await endedCount()) - before < planned) {
                  if (performance.now() > deadline) throw new Error(`Only ${(await endedCount()) - before} of ${planned} FNO cases ended within 300 s.`);
                  await new Promise((resolve) => setTimeout(resolve, 50));
                }
              } finally {
                await load.stop();
              }
              const seconds = (performance.now() - began) / 1000;
              return { casesPerSecond: planned / seconds, p95UpdateMs: quantile(latencies, 0.95), p50UpdateMs: quantile(latencies, 0.5) };
            },
          },
        ],
      }),
    );
  } finally {
    await workers.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runFnoMixBench();
