// Completion → next task visible in the inbox at a given load (issue #17: at half the API's knee),
// by the shared method: each round offers cases of shape (b) open-loop through the HTTP API for a
// probe's time and takes the p50/p95 of sent → visible over the completions that opened a next
// task (the completion profile's rig, bench/completion-profile.ts). A second contender runs the
// same through the SDK, so the API's share shows beside it.
// Run: npx tsx bench/inbox-latency-at-load.ts <cases/s>   (LOAD_STEP_SECONDS=5; BENCH_ROUNDS ≥ 5)
import { pathToFileURL } from 'node:url';
import { openProfileRig, type ProfileVariant } from './completion-profile.ts';
import { compare, type Comparison, type Contender } from './method/compare.ts';
import { formatFigure, printComparison } from './method/print-comparison.ts';
import { quantile } from './method/statistics.ts';

export async function runInboxLatencyAtLoad(rate: number, seconds = Number(process.env.LOAD_STEP_SECONDS ?? 5)): Promise<Comparison> {
  const rig = await openProfileRig();
  try {
    // Warm-up outside the rounds: the bundles, the JIT and the store's caches.
    await rig.profileOneCase('casemap via API');
    await rig.profileOneCase('casemap via SDK');
    const contender = (variant: ProfileVariant, does: string): Contender => ({
      name: variant,
      does,
      async run() {
        const { completions, errors } = await rig.openLoop(variant, rate, seconds);
        const totals = completions.map((completion) => completion.totalMs);
        return { p95VisibleMs: quantile(totals, 0.95), p50VisibleMs: quantile(totals, 0.5), errors };
      },
    });
    return printComparison(
      await compare({
        title: `completion → next task visible in the inbox, at ${formatFigure(rate, 2)} cases/s offered (${formatFigure(rate * 5, 1)} completions/s)`,
        notes: [
          `Each round offers cases of five caseworker steps open-loop for ${seconds} s; a completion counts from its request being sent until an inbox read (GET /api/tasks?caseId=…, read again every 2 ms until it shows) returns the next task open.`,
          'Only completions that open a next task count (four per case).',
        ],
        warmupRounds: 0,
        measures: [
          { key: 'p95VisibleMs', unit: 'ms, p95 sent → visible', better: 'lower', digits: 0 },
          { key: 'p50VisibleMs', unit: 'ms, p50 sent → visible', better: 'lower', digits: 0 },
          { key: 'errors', unit: 'failed cases', better: 'lower', digits: 0 },
        ],
        contenders: [
          contender('casemap via API', 'claim and complete over HTTP (POST /api/tasks/:id/claim, /complete), then the inbox read over HTTP.'),
          contender('casemap via SDK', 'the same Updates straight to Temporal, then the same inbox read over HTTP.'),
        ],
        ratios: [['casemap via API', 'casemap via SDK']],
        ratioMeasures: ['p95VisibleMs'],
      }),
    );
  } finally {
    await rig.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runInboxLatencyAtLoad(Number(process.argv[2] ?? 2));
