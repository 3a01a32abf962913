// Carries the engine's task refusals (domain/engine/task-rules.ts) out of an Update validator: the
// refusal's code is the failure's type and its details are typed (RefusalDetails), so the API never
// reads a message. A refused Update writes nothing to history.
import { ApplicationFailure } from '@temporalio/workflow';
import { checkTaskAction, type ActionRefusal, type CaseData, type EngineEvent, type EngineState, type TaskActionRequest } from '../domain/engine/index.ts';
import { claimRefusal, completion, type RuledTask } from '../domain/engine/task-rules.ts';
import type { RefusalDetails } from '../domain/contract/refusal.ts';
import type { Actor } from '../domain/contract/task.ts';

export function refuse(refusal: ActionRefusal): never {
  const details: RefusalDetails = { issues: refusal.issues };
  throw ApplicationFailure.create({ type: refusal.code, message: refusal.message, nonRetryable: true, details: [details] });
}

/** The engine event a caseworker's action becomes, or the typed refusal thrown. */
export function allowedEvent(state: EngineState, action: TaskActionRequest): EngineEvent {
  const check = checkTaskAction(state, action);
  if (!check.ok) refuse(check.refusal);
  return check.event;
}

/** The claim rule for one task on its own, thrown as the workflow throws it. */
export function checkClaim(task: RuledTask, actor: Actor): void {
  const refusal = claimRefusal(task, actor);
  if (refusal) refuse(refusal);
}

/** The completion rule for one task on its own: the cleaned form data, or the refusal thrown. */
export function checkComplete(task: RuledTask, actor: Actor, data: unknown): CaseData {
  const done = completion(task, actor, data);
  if (!done.ok) refuse(done.refusal);
  return done.data;
}
