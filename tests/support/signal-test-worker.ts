// A Casemap worker a signals test runs itself, on the test Casemap's task queue, with the signal
// activities built by the test (so a delivery or a start can fail on cue); stop() shuts it down.
// It is Casemap's own worker (runtime/case-worker.ts), so its case log reconciler runs too: without
// it, what a signal's workflow task logs would stay tentative, out of the inbox.
import { NativeConnection } from '@temporalio/worker';
import type { createSignalActivities } from '../../activities/signal-activities.ts';
import { createCaseWorker } from '../../runtime/case-worker.ts';
import type { TestCasemap } from './test-casemap.ts';

export interface SignalTestWorker {
  stop(): Promise<void>;
}

export async function startSignalTestWorker(casemap: TestCasemap, signalActivities: ReturnType<typeof createSignalActivities>): Promise<SignalTestWorker> {
  const connection = await NativeConnection.connect({ address: casemap.temporalAddress });
  const worker = await createCaseWorker({ address: casemap.temporalAddress, connection, taskQueue: casemap.taskQueue, db: casemap.db, signalActivities });
  const running = worker.run();
  return {
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
