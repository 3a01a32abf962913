// Where a case stands on its diagram, from its event log and open tasks: done, active (work to do
// by a team) or waiting (entered but held by a timer, a message or a service).
import type { CaseEvent, CaseTask } from '../api/get-case.ts';

export type Progress = 'done' | 'active' | 'waiting';

export function progressByElement(timeline: readonly CaseEvent[], tasks: readonly CaseTask[]): Map<string, Progress> {
  const inFlight = new Map<string, number>();
  const progress = new Map<string, Progress>();
  const bump = (nodeId: string, by: number) => inFlight.set(nodeId, (inFlight.get(nodeId) ?? 0) + by);
  for (const event of timeline) {
    if (!event.nodeId) continue;
    if (event.kind === 'element-entered') bump(event.nodeId, 1);
    if (event.kind === 'element-completed' || event.kind === 'element-cancelled') bump(event.nodeId, -1);
    if (event.kind === 'element-completed' || event.kind === 'task-completed' || event.kind === 'timer-fired' || event.kind === 'message-received') progress.set(event.nodeId, 'done');
  }
  for (const [nodeId, count] of inFlight) if (count > 0) progress.set(nodeId, 'waiting');
  for (const task of tasks) if (task.status === 'open' || task.status === 'claimed') progress.set(task.nodeId, 'active');
  return progress;
}
