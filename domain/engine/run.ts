// One start or step's working context: a private draft of the state, the commands it produces and
// the moves still to make. The caller's state is never touched, which keeps the engine pure.
import type { CaseData, CaseEvent, EngineCommand } from './contract.ts';
import type { AddDuration, EngineState, ForkTag } from './engine-state.ts';
import type { IrIndex } from './ir-index.ts';

/** A token about to enter a node; `fired` means the node's event already happened (boundary, gateway winner). */
export interface Move {
  nodeId: string;
  scopeId: string;
  via?: string;
  forks: ForkTag[];
  fired?: boolean;
  /** Local variables the new token starts with (one instance of a multi-instance step). */
  vars?: Record<string, unknown>;
}

export interface Run {
  readonly ir: IrIndex;
  readonly state: EngineState;
  readonly now: string;
  readonly addDuration: AddDuration;
  readonly commands: EngineCommand[];
  queue: Move[];
  moves: number;
}

export function openRun(ir: IrIndex, state: EngineState, now: string, addDuration: AddDuration): Run {
  // A JSON copy: the state is plain JSON by contract, and the copy shares nothing with the caller's.
  const draft = copyJson(state);
  return { ir, state: draft, now, addDuration, commands: [], queue: [], moves: 0 };
}

export function isRunning(run: Run): boolean {
  return run.state.status === 'running';
}

/** Ids read `${nodeId}:${n}` from one counter, so every replay of the same events makes the same ids. */
export function nextId(run: Run, nodeId: string): string {
  run.state.counter += 1;
  return `${nodeId}:${run.state.counter}`;
}

export function issue(run: Run, command: EngineCommand): void {
  run.commands.push(command);
}

export function emit(run: Run, event: CaseEvent): void {
  run.commands.push({ type: 'emit', event });
}

/** A copy of plain JSON, so the shell can never change the engine's state through what it is handed. */
export function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function mergeData(run: Run, data: CaseData | undefined): void {
  if (data) Object.assign(run.state.data, copyJson(data));
}
