// The case workflow's side of a migration: the pure check (domain/migration) run in the Update's
// validator, so a refused migration is rejected before anything reaches history, and the
// `case-migrated` log entry the projection applies.
import { ApplicationFailure } from '@temporalio/workflow';
import type { EngineState } from '../domain/engine/engine-state.ts';
import type { ProcessIR } from '../domain/process/ir.ts';
import type { MigrationRefusal } from '../domain/contract/migration.ts';
import type { CaseMigratedData } from '../domain/events/case-log-event.ts';
import { migrateState, type MigrateStateResult } from '../domain/migration/migrate-state.ts';
import { MIGRATION_REFUSED, type MigrateCaseRequest } from './case-api.ts';

type Allowed = Extract<MigrateStateResult, { ok: true }>;

export interface PinnedVersion {
  definitionId: string;
  version: number;
  ir: ProcessIR;
}

function refuse(refusals: MigrationRefusal[]): never {
  const first = refusals[0]!;
  throw ApplicationFailure.create({ type: MIGRATION_REFUSED, message: first.message, nonRetryable: true, details: [{ refusals }] });
}

/** The migrated state and its commands, or the typed refusal thrown. */
export function allowedMigration(engine: EngineState, pinned: PinnedVersion, request: MigrateCaseRequest, to: ProcessIR, now: string): Allowed {
  if (request.definitionId !== pinned.definitionId || request.fromVersion !== pinned.version) {
    refuse([{ code: 'not-running', message: `The case is not running version ${request.fromVersion} of ${request.definitionId}.` }]);
  }
  const result = migrateState({ state: engine, from: pinned.ir, to, mappings: request.mappings, now });
  if (!result.ok) refuse(result.refusals);
  return result;
}

/** The log entry: where each token went and how each kept task now reads (for the inbox rows). */
export function caseMigratedData(request: MigrateCaseRequest, result: Allowed): CaseMigratedData {
  const tasksKept = result.preview.tasksKept.flatMap(({ taskId }) => {
    const task = result.state.userTasks[taskId];
    if (!task) return [];
    return [{ taskId, nodeId: task.nodeId, name: task.name, team: task.team, form: task.form, ...(task.role === undefined ? {} : { role: task.role }), ...(task.dueAt === undefined ? {} : { dueAt: task.dueAt }) }];
  });
  return { migrationId: request.migrationId, fromVersion: request.fromVersion, toVersion: request.toVersion, moves: result.preview.moves, tasksKept };
}
