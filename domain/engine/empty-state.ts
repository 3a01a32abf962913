// A case's engine state before its first step, and the scope id of the process itself: plain values
// the workflow needs without evaluating engine-state.ts, whose zod schemas the SDK would otherwise
// build again for every new workflow (it evaluates the bundle's modules per workflow).
import type { EngineState } from './engine-state.ts';

/** The scope id of the process itself; a sub-process scope is named by its host token's id. */
export const ROOT_SCOPE = 'root';

export function emptyState(caseId: string, processId: string, data: Record<string, unknown>): EngineState {
  return {
    stateVersion: 1,
    caseId,
    processId,
    status: 'running',
    data: { ...data },
    counter: 0,
    tokens: {},
    userTasks: {},
    activities: {},
    timers: {},
    subscriptions: {},
    childCases: {},
  };
}
