// A worker thread (started through typescript-worker.mjs) that runs one what-if and posts back its
// answer, or the refusal that stopped it.
import { parentPort, workerData } from 'node:worker_threads';
import { SimulationTooLarge } from '../domain/simulation/simulate.ts';
import { runSimulationJob, type SimulationJob } from './simulation-run.ts';

try {
  parentPort!.postMessage({ kind: 'simulated', answer: runSimulationJob((workerData as { input: SimulationJob }).input) });
} catch (error) {
  if (error instanceof SimulationTooLarge) parentPort!.postMessage({ kind: 'too-large', message: error.message });
  else throw error;
}
