// Every benchmark in bench/, one after another (`npm run bench`). Each prints its own comparison,
// measured side by side in one run; none fails on a wall-clock number.
import { runEngineVsHandwritten } from './engine-vs-handwritten.ts';

await runEngineVsHandwritten();
