// The what-if simulation of a process version from its own event history: fit once, then run the
// baseline and each scenario over the same simulated weeks with the same seed, so they differ only
// by the scenario. The run is CPU-bound for seconds, so it goes to a worker thread: the API process
// keeps answering everyone else meanwhile, and a run past its time limit is stopped.
import { Worker } from 'node:worker_threads';
import type { z } from 'zod';
import type { Database } from './database.ts';
import { processLog } from './insights.ts';
import type { SimulationAnswer, SimulationRequest } from '../domain/contract/simulation.ts';
import type { SimulationJob } from './simulation-run.ts';
import type { CaseLogEvent } from '../domain/events/case-log-event.ts';
import { calledCaseEnds } from '../domain/simulation/called-cases.ts';

export type SimulationOutcome =
  | { kind: 'simulated'; answer: SimulationAnswer }
  | { kind: 'no-process' }
  | { kind: 'no-history' }
  | { kind: 'too-large'; message: string };

export interface SimulationLimits {
  /** Engine steps one request may take across its runs. */
  maxEngineSteps: number;
  /** Wall-clock limit of one request's worker. */
  timeoutMs: number;
}

export const defaultSimulationLimits: SimulationLimits = { maxEngineSteps: 1_500_000, timeoutMs: 120_000 };

export async function simulateFromHistory(db: Database, request: z.output<typeof SimulationRequest>, now: number, limits: SimulationLimits = defaultSimulationLimits): Promise<SimulationOutcome> {
  const log = await processLog(db, {
    definitionId: request.definitionId,
    ...(request.version === undefined ? {} : { version: request.version }),
    ...(request.historyFrom === undefined ? {} : { from: request.historyFrom }),
    ...(request.historyTo === undefined ? {} : { to: request.historyTo }),
  });
  if (!log) return { kind: 'no-process' };
  if (!log.events.some((event) => event.kind === 'case-started')) return { kind: 'no-history' };
  // What each call activity got back lives in its called cases' own log, under their own process.
  const called = [...new Set(log.deployed.ir.nodes.flatMap((node) => (node.kind === 'callActivity' && node.calledElement ? [node.calledElement] : [])))];
  const calledEnds: CaseLogEvent[] = [];
  for (const definitionId of called) {
    const calledLog = await processLog(db, { definitionId });
    if (calledLog) calledEnds.push(...calledCaseEnds(log.events, calledLog.events));
  }
  return inWorker({ ir: log.deployed.ir, events: [...log.events, ...calledEnds], request, now, maxEngineSteps: limits.maxEngineSteps }, limits.timeoutMs);
}

function inWorker(job: SimulationJob, timeoutMs: number): Promise<SimulationOutcome> {
  // A thread takes no loader flags, so a small JavaScript entry registers tsx in it first.
  const worker = new Worker(new URL('./typescript-worker.mjs', import.meta.url), { workerData: { module: new URL('./simulation-worker.ts', import.meta.url).href, input: job } });
  return new Promise<SimulationOutcome>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ kind: 'too-large', message: `The simulation took longer than ${Math.round(timeoutMs / 1000)} s; simulate fewer weeks or fewer arrivals.` });
    }, timeoutMs);
    worker.once('message', (outcome: SimulationOutcome) => {
      clearTimeout(timer);
      resolve(outcome);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
