// The migration workflow's public surface: its input and workflow id, for the API that starts it.
export interface MigrationWorkflowInput {
  migrationId: string;
  /** Cases sent side by side; small enough that a retried batch repeats little. */
  batchSize?: number;
}

export const DEFAULT_MIGRATION_BATCH = 20;

/** One run per migration: starting it twice finds the run already there. */
export function migrationWorkflowId(migrationId: string): string {
  return `migration-${migrationId}`;
}
