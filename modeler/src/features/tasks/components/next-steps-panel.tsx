// Says at once what a completed step led to: the tasks it opened (and for which team) or the end.
import { describeDeadline } from '../../../shared/time/deadline.ts';
import type { TaskActionResult } from '../api/next-steps.ts';

export function NextStepsPanel({ taskName, result, onDismiss }: { taskName: string; result: TaskActionResult; onDismiss: () => void }) {
  const { next } = result;
  const caseId = result.taskId.split(':')[0] ?? '';
  return (
    <section className="next-steps" role="status" aria-live="polite" aria-label="What happens next">
      <h2>“{taskName}” is done — what happens next</h2>
      {next.status === 'completed' ? (
        <p>The case is complete.</p>
      ) : next.opened.length === 0 ? (
        <p>The case is {next.status}; no new task was opened (it is waiting for an event, a timer or another step).</p>
      ) : (
        <ul>
          {next.opened.map((task) => (
            <li key={task.taskId}>
              <strong>{task.name}</strong> is now with team <strong>{task.team}</strong>
              {task.handoff ? ` (handed over from ${task.handoff.fromTeam}${task.handoff.acceptBy ? `, to accept by ${describeDeadline(task.handoff.acceptBy, new Date()).at}` : ''})` : ''}
              {task.dueAt ? ` — due ${describeDeadline(task.dueAt, new Date()).at}` : ''}
            </li>
          ))}
        </ul>
      )}
      {next.ownerTeam ? <p>The case is owned by {next.ownerTeam}.</p> : null}
      <p>
        <a href={`#/cases/${encodeURIComponent(caseId)}`}>Open the case</a>{' '}
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </p>
    </section>
  );
}
