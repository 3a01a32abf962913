// A Casemap worker in a child process, so a test can SIGKILL it mid-case. The projection store
// (an in-memory PGlite) lives in the test process, so the projection activities forward their
// calls over IPC, and so does the `alert-contractor` service handler (the test decides when it
// answers); everything else (workflow bundle, activity wrapper, other handlers) is the real worker's.
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { ProjectionActivities } from '../../../activities/projection-activities.ts';
import { defaultServiceHandlers } from '../../../activities/service-handlers/default-handlers.ts';
import { createServiceTaskActivities, type ServiceTaskRequest } from '../../../activities/service-handlers/registry.ts';
import { caseWorkflowBundle } from '../../../runtime/case-worker.ts';
import { parentChannel } from './parent-channel.ts';

export type ParentCall = { type: 'call'; id: number; name: keyof ProjectionActivities; args: unknown[] } | { type: 'service'; id: number; request: ServiceTaskRequest };
export type { ParentReply } from './parent-channel.ts';

const parent = parentChannel<ParentCall>('crash-worker.ts');
const { address, taskQueue, ask: askParent } = parent;

function callParent<T>(name: keyof ProjectionActivities, args: unknown[]): Promise<T> {
  return askParent((id) => ({ type: 'call', id, name, args }));
}

const projection: ProjectionActivities = {
  recordCaseEvents: (events) => callParent('recordCaseEvents', [events]),
  recordFencedCaseEvents: (write) => callParent('recordFencedCaseEvents', [write]),
  resolveCalledDefinition: (calledElement) => callParent('resolveCalledDefinition', [calledElement]),
};

Runtime.install({ logger: new DefaultLogger('WARN') });
const worker = await Worker.create({
  connection: await NativeConnection.connect({ address }),
  taskQueue,
  workflowBundle: await caseWorkflowBundle(),
  activities: {
    ...projection,
    ...createServiceTaskActivities({ ...defaultServiceHandlers, 'alert-contractor': (request) => askParent((id) => ({ type: 'service', id, request })) }),
  },
});
parent.send({ type: 'ready' });
await worker.run();
