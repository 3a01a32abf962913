// Creates a Casemap worker: the case and migration workflows plus their projection, migration and service-task activities,
// on one task queue. Any number of these can run against one Temporal cluster.
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { fileURLToPath } from 'node:url';
import type { Database } from '../storage/database.ts';
import { createProjectionActivities } from '../activities/projection-activities.ts';
import { createSignalActivities } from '../activities/signal-activities.ts';
import { createMigrationActivities, storeLedger } from '../activities/migration-activities.ts';
import { createServiceTaskActivities, type ServiceHandlerEntry } from '../activities/service-handlers/registry.ts';
import { defaultServiceHandlers } from '../activities/service-handlers/default-handlers.ts';
import { casemapDataConverter } from './casemap-data-converter.ts';
import { startCaseLogReconciler } from './case-log-reconciler.ts';

export const DEFAULT_TASK_QUEUE = 'casemap-cases';
export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

let cachedBundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Bundling takes a second or two; do it once per process. */
export function caseWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  cachedBundle ??= bundleWorkflowCode({ workflowsPath, logger: quietBundlerLogger });
  return cachedBundle;
}

const quietBundlerLogger = {
  log: () => {},
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};

export interface CaseWorkerOptions {
  address: string;
  namespace?: string;
  taskQueue?: string;
  db: Database;
  serviceHandlers?: Record<string, ServiceHandlerEntry>;
  connection?: NativeConnection;
  /** Off only in tests that show an Update's answer alone makes a step visible. */
  caseLogReconciler?: boolean;
  /** The signal broadcast's activities, when a test makes a delivery fail on cue (default: the real ones). */
  signalActivities?: ReturnType<typeof createSignalActivities>;
}

let runtimeInstalled = false;

/** The SDK logs every worker state change at INFO; Casemap keeps warnings and errors only. */
function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger(process.env.CASEMAP_WORKER_LOG_LEVEL === 'debug' ? 'DEBUG' : 'WARN') });
  } catch {
    // Already installed by the host process (e.g. a test): keep its logger.
  }
}

export async function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  installQuietRuntime();
  const connection = options.connection ?? (await NativeConnection.connect({ address: options.address }));
  const namespace = options.namespace ?? 'default';
  const worker = await Worker.create({
    connection,
    namespace,
    taskQueue: options.taskQueue ?? DEFAULT_TASK_QUEUE,
    workflowBundle: await caseWorkflowBundle(),
    dataConverter: casemapDataConverter(options.db),
    activities: {
      ...createProjectionActivities(options.db),
      ...(options.signalActivities ?? createSignalActivities(options.db)),
      ...createMigrationActivities({ ledger: storeLedger(options.db) }),
      ...createServiceTaskActivities({ ...defaultServiceHandlers, ...options.serviceHandlers }),
    },
  });
  // The reconciler confirms the case log rows the worker's local writes left tentative
  // (runtime/case-log-reconciler.ts); it lives exactly as long as the worker runs, so whoever
  // awaits `run()` may close the database right after.
  if (options.caseLogReconciler === false) return worker;
  const run = worker.run.bind(worker);
  worker.run = async () => {
    const reconciler = startCaseLogReconciler({ db: options.db, workflowService: connection.workflowService, namespace, log: (line) => console.warn(line) });
    try {
      return await run();
    } finally {
      await reconciler.stop();
    }
  };
  return worker;
}
