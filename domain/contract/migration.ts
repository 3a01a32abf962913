// Moving running cases from one deployed version of a process to another, as the API takes and
// answers it and the modeller's migration view reads it. A plan maps each element of the old
// version where a case can be waiting to an element of the new one; the preview says, case by case,
// what the plan would do before anything changes; a run applies it in batches on Temporal.
import { z } from 'zod';
import { BodyVersionNumber } from './request-fields.ts';

/** Why the proposal chose a target; `edited` once a designer changed it by hand. */
export const MappingReason = z.enum(['same-id', 'same-name-and-type', 'none', 'edited']);
export type MappingReason = z.infer<typeof MappingReason>;

/** One element of the old version where a case can wait, and where a case waiting there goes. */
export const ElementMapping = z
  .object({
    source: z.string().min(1).max(200),
    /** `null`: no target, so a case waiting at `source` cannot migrate. */
    target: z.string().min(1).max(200).nullable(),
  })
  .strict();
export type ElementMapping = z.infer<typeof ElementMapping>;

/** An element as the mapping editor lists it. */
export const MappableElement = z.object({ id: z.string(), name: z.string().optional(), type: z.string() });
export type MappableElement = z.infer<typeof MappableElement>;

/** `GET /api/definitions/:id/migration-plan?from=&to=`: the proposed plan, for the designer to edit. */
export const MigrationProposal = z.object({
  definitionId: z.string(),
  fromVersion: z.number().int().positive(),
  toVersion: z.number().int().positive(),
  /** Every element of the old version a case can wait at, each with its proposed target. */
  mappings: z.array(ElementMapping.extend({ reason: MappingReason })),
  /** Elements of the new version a case can wait at: the choices for each target. */
  targets: z.array(MappableElement),
  sources: z.array(MappableElement),
  /** How many cases are running on the old version now. */
  runningCases: z.number().int().nonnegative(),
});
export type MigrationProposal = z.infer<typeof MigrationProposal>;

/** The body of preview and run: the versions, the (edited) mapping, and optionally which cases. */
export const MigrationPlan = z
  .object({
    fromVersion: BodyVersionNumber,
    toVersion: BodyVersionNumber,
    mappings: z.array(ElementMapping).max(2000),
    /** Only these cases (default: every case running on `fromVersion`). */
    caseIds: z.array(z.string().min(1).max(200)).max(10_000).optional(),
  })
  .strict();
export type MigrationPlan = z.infer<typeof MigrationPlan>;

/**
 * Why one case cannot migrate under a plan. Stable codes the UI shows beside the case:
 * - `no-target`: the case waits at an element the plan maps to nothing;
 * - `unknown-target`: the plan names a target the new version does not have, or one a case cannot wait at;
 * - `join-would-deadlock`: tokens would arrive at a parallel join the new version cannot complete;
 * - `missing-form-data`: a task the case would land on needs data the case lacks (the field is named);
 * - `not-running`: the case has ended, or is not on the plan's old version;
 * - `inside-changed-scope`: a token would move into or out of a sub-process other than its own;
 * - `not-supported`: the case is in a state migration does not move yet (a signal wait, compensation
 *   under way, an armed event sub-process or logged undo step the new version lacks, a multi-instance step).
 */
export const MigrationRefusalCode = z.enum(['no-target', 'unknown-target', 'join-would-deadlock', 'missing-form-data', 'not-running', 'inside-changed-scope', 'not-supported']);
export type MigrationRefusalCode = z.infer<typeof MigrationRefusalCode>;

export const MigrationRefusal = z.object({
  code: MigrationRefusalCode,
  /** The element at fault (of the old version for `no-target`, of the new one otherwise). */
  elementId: z.string().optional(),
  /** The form field at fault, for `missing-form-data`. */
  field: z.string().optional(),
  message: z.string(),
});
export type MigrationRefusal = z.infer<typeof MigrationRefusal>;

/** What the plan would do to one case. Nothing is changed by a preview. */
export const CaseMigrationPreview = z.object({
  caseId: z.string(),
  migratable: z.boolean(),
  refusals: z.array(MigrationRefusal),
  /** Where each waiting token is now and where it would land. */
  moves: z.array(z.object({ from: z.string(), to: z.string().nullable() })),
  /** Open tasks that keep their id, claim and data (mapped to a user task) … */
  tasksKept: z.array(z.object({ taskId: z.string(), from: z.string(), to: z.string() })),
  /** … closed without completion (their element is gone or is no longer a user task) … */
  tasksClosed: z.array(z.object({ taskId: z.string(), nodeId: z.string() })),
  /** … and opened afresh (a token lands on a user task it was not waiting at). */
  tasksOpened: z.array(z.object({ nodeId: z.string() })),
  /** Timers that keep their firing time (same definition) and timers that start again. */
  timersKept: z.array(z.object({ nodeId: z.string(), fireAt: z.string() })),
  timersRestarted: z.array(z.object({ nodeId: z.string() })),
});
export type CaseMigrationPreview = z.infer<typeof CaseMigrationPreview>;

/** `POST /api/definitions/:id/migrations/preview`. */
export const MigrationPreview = z.object({
  definitionId: z.string(),
  fromVersion: z.number().int().positive(),
  toVersion: z.number().int().positive(),
  cases: z.array(CaseMigrationPreview),
  summary: z.object({ cases: z.number().int().nonnegative(), migratable: z.number().int().nonnegative(), refused: z.number().int().nonnegative() }),
});
export type MigrationPreview = z.infer<typeof MigrationPreview>;

export const MigrationStatus = z.enum(['running', 'completed']);
export type MigrationStatus = z.infer<typeof MigrationStatus>;

export const CaseMigrationOutcome = z.enum(['pending', 'migrated', 'refused']);
export type CaseMigrationOutcome = z.infer<typeof CaseMigrationOutcome>;

/**
 * `POST /api/definitions/:id/migrations` answers 202 with this, and `GET /api/migrations/:migrationId`
 * with its latest state. A case is migrated all-or-nothing; a refused case is left as it was.
 */
export const MigrationProgress = z.object({
  migrationId: z.string(),
  definitionId: z.string(),
  fromVersion: z.number().int().positive(),
  toVersion: z.number().int().positive(),
  status: MigrationStatus,
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  total: z.number().int().nonnegative(),
  migrated: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  cases: z.array(z.object({ caseId: z.string(), outcome: CaseMigrationOutcome, refusals: z.array(MigrationRefusal) })),
});
export type MigrationProgress = z.infer<typeof MigrationProgress>;

/** `GET /api/definitions/:id/migrations`: the runs on a process, newest first. */
export const MigrationList = z.object({ items: z.array(MigrationProgress) });
export type MigrationList = z.infer<typeof MigrationList>;
