// One migration run: takes the migration's pending cases in batches and sends each batch to its
// case workflows (activities/migration-activities.ts). Durable: every outcome is in the store, so a
// run resumed after a worker crash picks up the cases still pending, and a batch retried part-way
// is answered by Temporal's Update ids rather than applied twice.
import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { MigrationActivities } from '../activities/migration-activities.ts';
import { DEFAULT_MIGRATION_BATCH, type MigrationWorkflowInput } from './migration-api.ts';

const migration = proxyActivities<MigrationActivities>({
  startToCloseTimeout: '10 minutes',
  // A batch heartbeats every second: a dead worker's batch is retried on another within seconds.
  heartbeatTimeout: '15 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export async function migrationWorkflow(input: MigrationWorkflowInput): Promise<void> {
  const size = input.batchSize ?? DEFAULT_MIGRATION_BATCH;
  for (;;) {
    const batch = await migration.pendingMigrationCases(input.migrationId, size);
    if (batch.length === 0) break;
    await migration.migrateCaseBatch(input.migrationId, batch);
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof migrationWorkflow>(input);
  }
  await migration.finishMigration(input.migrationId);
}
