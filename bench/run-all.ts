// Every benchmark in bench/, one after another (`npm run bench`), each by the shared method
// (bench/method): contenders interleaved with the order rotated each round, a warm-up, at least five
// rounds, medians with min–max and IQR, and ratios only beside both medians. None fails on a
// wall-clock number. The duplication benchmark's naive all-pairs contender takes minutes, so it
// runs only with `--all` (the sorted-neighbourhood baseline always runs). Issue #17's goal table
// (bench/engine-targets.ts: engine, load knee, inbox latency at half the knee, FNO mix) is printed
// again at the very end.
import { runBrowserDesignerBench } from './browser-designer-bench.ts';
import { runBrowserInboxBench } from './browser-inbox-bench.ts';
import { runBudgetsBench } from './budgets-bench.ts';
import { runCompileBench } from './compile-bench.ts';
import { runDuplicationBench } from './duplication-bench.ts';
import { runEngineTargets } from './engine-targets.ts';
import { runInboxBench } from './inbox-bench.ts';
import { runInsightsBench } from './insights-bench.ts';
import { runInsightsApiBench } from './insights-api-bench.ts';
import { runImportSizeBench } from './insights/import-size.ts';
import { runCaseLogStoreBench } from './insights/case-log-store-bench.ts';

await runCompileBench();
await runDuplicationBench({ naive: process.argv.includes('--all') });
await runInsightsBench();
await runInsightsApiBench();
// Issue #20's version filter: a process's own log, one version's graph from the store against PM4Py and a full recomputation.
await runCaseLogStoreBench();
// Issue #20: a 1M-event XES upload through the API (PostgreSQL, gzipped, PGlite) against PM4Py's read_xes.
await runImportSizeBench();
await runInboxBench();
const targets = await runEngineTargets();
await runBudgetsBench();
await runBrowserDesignerBench();
await runBrowserInboxBench();
console.log(`\n${targets}`);
