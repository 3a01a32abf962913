// What the bot caseworkers enter on the crash fixture's forms (fixtures/crash-casework.bpmn), shared
// by the single-machine harness and the cluster run. Derived from the case id, so a retried
// completion sends the same data; one case in five is not deported and ends early.
import type { TaskSummary } from './bot-caseworkers.ts';

export const CRASH_CASEWORK_FIXTURE = new URL('./fixtures/crash-casework.bpmn', import.meta.url);
export const CRASH_CASEWORK_STARTER = 'priya';
/** One bot per team of the fixture. */
export const CRASH_CASEWORK_BOTS = ['priya', 'tom', 'rosa', 'nico'];

export function fillCrashCaseworkForm(task: TaskSummary): Record<string, unknown> {
  switch (task.nodeId) {
    case 'Task_refer':
      return { prisonNumber: `A${task.caseId.slice(0, 6)}`, sentenceMonths: 18 };
    case 'Task_decide':
      return { decision: Number.parseInt(task.caseId.slice(0, 2), 16) % 5 === 0 ? 'do-not-deport' : 'deport' };
    case 'Task_travel_document':
      return { travelDocumentNumber: `ETD-${task.caseId.slice(0, 8)}` };
    default:
      return { flightNumber: `BA${Number.parseInt(task.caseId.slice(0, 3), 16)}` };
  }
}
