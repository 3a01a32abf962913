// The codes the case workflow refuses a task action with, as plain values: the workflow reads them
// without evaluating refusal.ts, whose zod schemas the SDK would otherwise build again for every new
// workflow (it evaluates the bundle's modules per workflow). refusal.ts builds its enum from this list.
export const TASK_REFUSAL_CODES = ['task-not-found', 'task-not-open', 'task-not-allowed', 'task-not-claimed-by-you', 'task-already-claimed', 'invalid-form-data', 'task-has-no-handoff'] as const;
export type TaskRefusalCode = (typeof TASK_REFUSAL_CODES)[number];

/** The workflow's names for its refusal codes, so rule code reads `TaskRefusal.notAllowed`. */
export const TaskRefusal = {
  notFound: 'task-not-found',
  notOpen: 'task-not-open',
  notAllowed: 'task-not-allowed',
  notClaimedByActor: 'task-not-claimed-by-you',
  alreadyClaimed: 'task-already-claimed',
  invalidForm: 'invalid-form-data',
  noHandoff: 'task-has-no-handoff',
} as const satisfies Record<string, TaskRefusalCode>;
