// A worker running migration runs in a child process, so a test can SIGKILL it mid-batch. The
// store (an in-memory PGlite) lives in the test process, so the migration ledger's calls are
// forwarded over IPC; the workflow bundle and the activities are the real worker's.
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createMigrationActivities, type MigrationLedger } from '../../../activities/migration-activities.ts';
import { caseWorkflowBundle } from '../../../runtime/case-worker.ts';
import { parentChannel } from './parent-channel.ts';

export type LedgerCall = { type: 'ledger'; id: number; name: keyof MigrationLedger; args: unknown[] };
export type { ParentReply as LedgerReply } from './parent-channel.ts';

const parent = parentChannel<LedgerCall>('migration-crash-worker.ts');

function forward<T>(name: keyof MigrationLedger, args: unknown[]): Promise<T> {
  return parent.ask((id) => ({ type: 'ledger', id, name, args }));
}

const ledger: MigrationLedger = {
  plan: (...args) => forward('plan', args),
  pending: (...args) => forward('pending', args),
  isPending: (...args) => forward('isPending', args),
  record: (...args) => forward('record', args),
  finish: (...args) => forward('finish', args),
  confirmLog: (...args) => forward('confirmLog', args),
};

Runtime.install({ logger: new DefaultLogger('WARN') });
const worker = await Worker.create({
  connection: await NativeConnection.connect({ address: parent.address }),
  taskQueue: parent.taskQueue,
  workflowBundle: await caseWorkflowBundle(),
  activities: createMigrationActivities({ ledger }),
});
parent.send({ type: 'ready' });
await worker.run();
