// Issue #17's measurements in one run: the engine against hand-written workflows, the load knee,
// completion → inbox latency at half the API's knee, and the FNO sample library's realistic mix;
// then the goal table with the ratios. `npm run bench` runs it among the rest; alone:
// Run: npx tsx bench/engine-targets.ts   (each bench's own settings apply: BENCH_CASES, LOAD_*, FNO_*)
import { pathToFileURL } from 'node:url';
import { runEngineVsHandwritten } from './engine-vs-handwritten.ts';
import { runFnoMixBench } from './fno-mix-bench.ts';
import { runInboxLatencyAtLoad } from './inbox-latency-at-load.ts';
import { runLoadKnee } from './load-knee.ts';
import { formatTargetTable } from './target-table.ts';

/** Runs the four benches, prints the goal table and returns it. */
export async function runEngineTargets(): Promise<string> {
  const engine = await runEngineVsHandwritten();
  const { knee } = await runLoadKnee();
  const apiKnee = knee.contenders.find((contender) => contender.name === 'casemap via API')?.summaries.knee?.median ?? 0;
  // Half the knee: an ordinary day's load. A knee of 0 (even the lowest rate failed) is probed at the lowest rate.
  const latency = await runInboxLatencyAtLoad(Math.max(apiKnee / 2, Number(process.env.LOAD_MIN_RATE ?? 0.5)));
  const fno = await runFnoMixBench();
  const table = formatTargetTable({ engine, knee, latency, fno });
  console.log(`\n${table}`);
  return table;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runEngineTargets();
