// Activities of a case migration run (workflows/migration-workflow.ts): the next pending cases, and
// a batch sent to the case workflows as `migrateCase` Updates. Each Update's id is
// `${migrationId}:${caseId}`, so Temporal answers a batch retried after a crash with the outcome
// it already has instead of migrating a case twice; each outcome is recorded once with its audit entry.
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { MigrationRefusal } from '../domain/contract/migration.ts';
import type { ProcessIR } from '../domain/process/ir.ts';
import { MIGRATION_REFUSED, migrateCaseUpdate, workflowIdForCase, type CaseMigrated, type MigrateCaseRequest } from '../workflows/case-api.ts';
import type { Database } from '../storage/database.ts';
import { findDeployedVersion } from '../storage/definition-store.ts';
import { confirmCaseLog } from '../storage/case-log-confirm.ts';
import { findPlan, isPending, markFinished, pendingCases, recordCaseOutcome, type CaseOutcome, type StoredPlan } from '../storage/case-migration-store.ts';

/** Where a run's plan and outcomes are kept: the store, or (in a crash test) a proxy to it. */
export interface MigrationLedger {
  /** The plan and the IR of the version it moves cases to; undefined when either is gone. */
  plan(migrationId: string): Promise<{ plan: StoredPlan; to: ProcessIR } | undefined>;
  pending(migrationId: string, limit: number): Promise<string[]>;
  isPending(migrationId: string, caseId: string): Promise<boolean>;
  /** Records a case's outcome and audit entry once; false when it was already recorded. */
  record(outcome: CaseOutcome): Promise<boolean>;
  finish(migrationId: string): Promise<void>;
  /** Confirms the case log through the position a migration's answer carries (storage/case-log-confirm.ts). */
  confirmLog(caseId: string, position: number): Promise<void>;
}

export function storeLedger(db: Database): MigrationLedger {
  return {
    async plan(migrationId) {
      const plan = await findPlan(db, migrationId);
      const to = plan && (await findDeployedVersion(db, plan.definitionId, plan.toVersion));
      return plan && to ? { plan, to: to.ir } : undefined;
    },
    pending: (migrationId, limit) => pendingCases(db, migrationId, limit),
    isPending: (migrationId, caseId) => isPending(db, migrationId, caseId),
    record: (outcome) => recordCaseOutcome(db, outcome),
    finish: (migrationId) => markFinished(db, migrationId),
    confirmLog: (caseId, position) => confirmCaseLog(db, caseId, position),
  };
}

/** Refusals a case migration Update failed with, or undefined when Temporal did not answer for the case (then the batch is retried). */
export function refusalsOf(error: unknown): MigrationRefusal[] | undefined {
  // No such case, or its workflow has closed (Temporal has no typed error for the latter).
  if (error instanceof WorkflowNotFoundError || (error instanceof Error && /workflow execution already completed/i.test(error.message))) {
    return [{ code: 'not-running', message: 'The case is not running.' }];
  }
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  // The workflow answered: a rejected Update is a final answer, whatever failed it.
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure) || cause.type !== MIGRATION_REFUSED) return [{ code: 'not-running', message: cause?.message ?? error.message }];
  const detail = cause.details?.[0] as { refusals?: MigrationRefusal[] } | undefined;
  return detail?.refusals ?? [{ code: 'not-running', message: cause.message }];
}

export interface MigrationActivityDeps {
  ledger: MigrationLedger;
  /** The client Updates are sent with; by default the worker's own (the activity context's). */
  client?: Client;
}

/** Attempts of a batch after which a case that still gets no answer from Temporal is recorded as refused, so one broken case cannot hold up the rest. */
export const ATTEMPTS_BEFORE_GIVING_UP = 5;

export function createMigrationActivities({ ledger, client }: MigrationActivityDeps) {
  async function migrateOne(temporal: Client, plan: StoredPlan, to: ProcessIR, caseId: string, lastAttempt: boolean): Promise<void> {
    if (!(await ledger.isPending(plan.migrationId, caseId))) return;
    const request: MigrateCaseRequest = { migrationId: plan.migrationId, definitionId: plan.definitionId, fromVersion: plan.fromVersion, toVersion: plan.toVersion, mappings: plan.mappings, actor: plan.startedBy };
    let migrated: CaseMigrated | undefined;
    let refusals: MigrationRefusal[] | undefined;
    try {
      migrated = await temporal.workflow.getHandle(workflowIdForCase(caseId)).executeUpdate(migrateCaseUpdate, { args: [request, to], updateId: `${plan.migrationId}:${caseId}` });
      // The answer proves the migration's task recorded: its rows show now, not at the reconciler's next look.
      if (migrated.logPosition !== undefined) await ledger.confirmLog(caseId, migrated.logPosition);
    } catch (error) {
      refusals = refusalsOf(error);
      if (!refusals && !lastAttempt) throw error;
      refusals ??= [{ code: 'not-running', message: `The case did not answer the migration: ${error instanceof Error ? error.message : String(error)}` }];
    }
    const versions = { fromVersion: plan.fromVersion, toVersion: plan.toVersion };
    await ledger.record({ migrationId: plan.migrationId, caseId, outcome: refusals ? 'refused' : 'migrated', refusals: refusals ?? [], actor: plan.startedBy, detail: migrated ? { ...versions, moves: migrated.preview.moves } : versions });
  }

  return {
    /** The next cases the migration has not decided, in its order. */
    async pendingMigrationCases(migrationId: string, limit: number): Promise<string[]> {
      return ledger.pending(migrationId, limit);
    },
    /** Sends the batch's Updates side by side; a case already decided (a retried batch) is skipped. */
    async migrateCaseBatch(migrationId: string, caseIds: string[]): Promise<void> {
      const found = await ledger.plan(migrationId);
      if (!found) throw ApplicationFailure.nonRetryable(`Migration ${migrationId} or the version it moves cases to is not stored.`, 'migration-missing');
      const context = Context.current();
      const temporal = client ?? context.client;
      const heartbeat = setInterval(() => context.heartbeat(), 1000);
      try {
        const lastAttempt = context.info.attempt >= ATTEMPTS_BEFORE_GIVING_UP;
        // Every case of the batch is tried before a failure is reported, so a retry repeats as little as possible.
        const outcomes = await Promise.allSettled(caseIds.map((caseId) => migrateOne(temporal, found.plan, found.to, caseId, lastAttempt)));
        const failed = outcomes.find((outcome) => outcome.status === 'rejected');
        if (failed) throw failed.reason;
      } finally {
        clearInterval(heartbeat);
      }
    },
    async finishMigration(migrationId: string): Promise<void> {
      await ledger.finish(migrationId);
    },
  };
}

export type MigrationActivities = ReturnType<typeof createMigrationActivities>;
