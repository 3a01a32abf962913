// The token engine's public face: start a case, step it with one event, describe it for queries.
export { start } from './start.ts';
export { step } from './step.ts';
export { describe, type CaseView } from './describe.ts';
export { checkTaskAction, type ActionRefusal, type TaskActionCheck, type TaskActionRequest } from './task-rules.ts';
export { calendarAddDuration } from './deadlines.ts';
export { MAX_MOVES } from './drain.ts';
export {
  EngineState,
  ROOT_SCOPE,
  type AddDuration,
  type CaseStatus,
  type EngineOptions,
  type OpenTask,
  type Token,
  type WaitKind,
} from './engine-state.ts';
export type { CaseData, CaseEvent, EngineCommand, EngineEvent, EngineInput, StepResult, TimerPurpose } from './contract.ts';
