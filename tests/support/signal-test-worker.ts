// A Casemap worker a signals test runs itself, on the test Casemap's task queue, with the signal
// activities built by the test (so a delivery or a start can fail on cue); stop() shuts it down.
import { NativeConnection, Worker } from '@temporalio/worker';
import { createProjectionActivities } from '../../activities/projection-activities.ts';
import { defaultServiceHandlers } from '../../activities/service-handlers/default-handlers.ts';
import { createServiceTaskActivities } from '../../activities/service-handlers/registry.ts';
import type { createSignalActivities } from '../../activities/signal-activities.ts';
import { casemapDataConverter } from '../../runtime/casemap-data-converter.ts';
import { caseWorkflowBundle } from '../../runtime/case-worker.ts';
import type { TestCasemap } from './test-casemap.ts';

export interface SignalTestWorker {
  stop(): Promise<void>;
}

export async function startSignalTestWorker(casemap: TestCasemap, signalActivities: ReturnType<typeof createSignalActivities>): Promise<SignalTestWorker> {
  const connection = await NativeConnection.connect({ address: casemap.temporalAddress });
  const worker = await Worker.create({
    connection,
    taskQueue: casemap.taskQueue,
    workflowBundle: await caseWorkflowBundle(),
    dataConverter: casemapDataConverter(casemap.db),
    activities: {
      ...createProjectionActivities(casemap.db),
      ...createServiceTaskActivities(defaultServiceHandlers),
      ...signalActivities,
    },
  });
  const running = worker.run();
  return {
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
