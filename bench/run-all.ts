// Every benchmark in bench/, one after another (`npm run bench`). Each prints its own comparison,
// measured side by side in one run; none fails on a wall-clock number. The duplication benchmark's
// naive baseline takes minutes, so it runs only with `--all` (or alone: bench/duplication-bench.ts).
import { runCompileBench } from './compile-bench.ts';
import { runEngineVsHandwritten } from './engine-vs-handwritten.ts';
import { runInsightsBench } from './insights-bench.ts';
import { runInboxBench } from './inbox-bench.ts';
import { runLoadKnee } from './load-knee.ts';
import { runBrowserDesignerBench } from './browser-designer-bench.ts';
import { runBrowserInboxBench } from './browser-inbox-bench.ts';

await runCompileBench();
await runEngineVsHandwritten();
await runInsightsBench();
await runInboxBench();
await runLoadKnee();
await runBrowserDesignerBench();
await runBrowserInboxBench();
if (process.argv.includes('--all')) await import('./duplication-bench.ts');
