// Starts a worker thread on a TypeScript module: Node's worker threads take no `--import` loader,
// so this plain-JavaScript entry registers tsx in the thread first, then loads the module named in
// workerData.module. The module reads its own input from workerData.input.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
