// Starts a case at its start event. A message, timer or signal start is run as a none start: whatever
// triggered it has already happened when the shell calls start.
import type { Node, ProcessIR } from '../process/ir.ts';
import { failCase } from './case-outcome.ts';
import type { EngineInput, StepResult } from './contract.ts';
import { calendarAddDuration } from './deadlines.ts';
import { emptyState, ROOT_SCOPE } from './empty-state.ts';
import type { EngineOptions, EngineState } from './engine-state.ts';
import { indexIr, type IrIndex } from './ir-index.ts';
import { emit, isRunning, openRun } from './run.ts';
import { drain } from './drain.ts';
import { armEventSubProcesses, keyEventSubProcessStarts } from './event-sub-processes.ts';
import { enqueue } from './tokens.ts';

function startEvent(ir: IrIndex, startEventId: string | undefined): Node | undefined {
  const starts = ir.children(undefined).filter((n) => n.kind === 'startEvent');
  if (startEventId !== undefined) return starts.find((n) => n.id === startEventId);
  return starts.find((n) => !n.trigger || n.trigger.type === 'none') ?? starts[0];
}

export function start(ir: ProcessIR, input: EngineInput, now: string, options: EngineOptions = {}): StepResult<EngineState> {
  const index = indexIr(ir);
  const run = openRun(index, emptyState(input.caseId, index.processId, input.data), now, options.addDuration ?? calendarAddDuration);
  const first = startEvent(index, input.startEventId);
  if (!first) {
    const reason =
      input.startEventId === undefined
        ? 'The process has no start event at its top level to begin a case from.'
        : `The process has no start event "${input.startEventId}" at its top level to begin a case from.`;
    failCase(run, reason, input.startEventId);
    return { state: run.state, commands: run.commands };
  }
  const team = index.laneTeam(first.laneId);
  if (team !== undefined) {
    run.state.owner = team;
    emit(run, { kind: 'ownership-changed', nodeId: first.id, toTeam: team });
  }
  armEventSubProcesses(run, ROOT_SCOPE);
  enqueue(run, { nodeId: first.id, scopeId: ROOT_SCOPE, forks: [] });
  drain(run);
  if (isRunning(run)) keyEventSubProcessStarts(run);
  return { state: run.state, commands: run.commands };
}
