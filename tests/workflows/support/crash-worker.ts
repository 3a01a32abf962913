// A Casemap worker in a child process, so a test can SIGKILL it mid-case. The projection store
// (an in-memory PGlite) lives in the test process, so the projection activities forward their
// calls over IPC, and so does the `alert-contractor` service handler (the test decides when it
// answers); everything else (workflow bundle, activity wrapper, other handlers) is the real worker's.
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { ProjectionActivities } from '../../../activities/projection-activities.ts';
import { defaultServiceHandlers } from '../../../activities/service-handlers/default-handlers.ts';
import { createServiceTaskActivities, type ServiceTaskRequest } from '../../../activities/service-handlers/registry.ts';
import { caseWorkflowBundle } from '../../../runtime/case-worker.ts';

export type ParentCall = { type: 'call'; id: number; name: keyof ProjectionActivities; args: unknown[] } | { type: 'service'; id: number; request: ServiceTaskRequest };
export type ParentReply = { type: 'result'; id: number; value: unknown } | { type: 'error'; id: number; message: string };

const [address, taskQueue] = process.argv.slice(2);
if (!address || !taskQueue || !process.send) throw new Error('Run with: fork(crash-worker.ts, [address, taskQueue]) and an IPC channel.');
const send = process.send.bind(process);

const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
let lastId = 0;
process.on('message', (reply: ParentReply) => {
  const call = waiting.get(reply.id);
  waiting.delete(reply.id);
  if (reply.type === 'result') call?.resolve(reply.value);
  else call?.reject(new Error(reply.message));
});

function askParent<T>(call: (id: number) => ParentCall): Promise<T> {
  return new Promise((resolve, reject) => {
    lastId += 1;
    waiting.set(lastId, { resolve: resolve as (value: unknown) => void, reject });
    send(call(lastId));
  });
}

function callParent<T>(name: keyof ProjectionActivities, args: unknown[]): Promise<T> {
  return askParent((id) => ({ type: 'call', id, name, args }));
}

const projection: ProjectionActivities = {
  recordCaseEvents: (events) => callParent('recordCaseEvents', [events]),
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
send({ type: 'ready' });
await worker.run();
