// The token engine's public face: start a case, step it with one event, describe it for queries.
export { start } from './start.ts';
export { step } from './step.ts';
export { describe, type CaseView } from './describe.ts';
export { checkTaskAction, type ActionRefusal, type TaskActionCheck, type TaskActionRequest } from './task-rules.ts';
export { calendarAddDuration } from './deadlines.ts';
export { MAX_MOVES } from './drain.ts';
export { ROOT_SCOPE } from './empty-state.ts';
// Types only: a value export from engine-state.ts would make every workflow build its zod schemas.
export type { AddDuration, CaseStatus, EngineOptions, EngineState, OpenTask, Token, WaitKind } from './engine-state.ts';
export type { CaseData, CaseEvent, EngineCommand, EngineEvent, EngineInput, StepResult, TimerPurpose } from './contract.ts';
