// Reads the state a run carried through continue-as-new. Runs before the engine owned open tasks
// carried the shell's copy beside it; their claims, forms, reassigned teams and handoff acceptances
// are folded into the engine's tasks so such a case resumes exactly where it stopped.
import type { EngineState } from '../domain/engine/engine-state.ts';
import { indexIr } from '../domain/engine/ir-index.ts';
import type { ProcessIR } from '../domain/process/ir.ts';
import type { CarriedState, LegacyCarriedState, OpenTask } from './case-api.ts';

export function resumeCarried(carried: CarriedState | LegacyCarriedState, ir: ProcessIR): CarriedState {
  // A copy, so the workflow's input stays as it arrived.
  const engine = JSON.parse(JSON.stringify(carried.engine)) as EngineState;
  if (!('tasks' in carried)) return { engine, logSeq: carried.logSeq };
  const held = new Map<string, OpenTask>(carried.tasks.map((task) => [task.taskId, task]));
  const index = indexIr(ir);
  for (const task of Object.values(engine.userTasks)) {
    const shell = held.get(task.taskId);
    // Form is required now; an old engine task without one takes it from the shell's copy, else the step itself.
    if (!Array.isArray(task.form)) task.form = shell?.form ?? index.node(task.nodeId)?.form ?? [];
    if (!shell) continue;
    // The shell's copy was the truth for who held the task and where a lead had sent it.
    task.team = shell.team;
    if (shell.claimedBy === undefined) delete task.claimedBy;
    else task.claimedBy = shell.claimedBy;
    if (task.handoff && shell.handoff?.acceptedBy !== undefined) {
      task.handoff.acceptedBy = shell.handoff.acceptedBy;
      task.handoff.accepted = true;
    }
  }
  return { engine, logSeq: carried.logSeq };
}
