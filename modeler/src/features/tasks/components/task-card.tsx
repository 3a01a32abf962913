// One task in the inbox: what it is, whose it is, its deadline, and what the user may do with it.
import { useState, type FormEvent } from 'react';
import { useSession } from '../../../shared/session/session-context.ts';
import { describeDeadline } from '../../../shared/time/deadline.ts';
import type { Task } from '../api/get-tasks.ts';
import { useClaimTask } from '../api/claim-task.ts';
import { useAcceptHandoff } from '../api/accept-handoff.ts';
import { useReturnTask } from '../api/return-task.ts';
import { useReassignTask } from '../api/reassign-task.ts';
import type { TaskActionResult } from '../api/next-steps.ts';
import { TaskForm } from './task-form.tsx';
import { InstanceProgress } from '../../../shared/components/instance-progress.tsx';

function Deadline({ dueAt, now }: { dueAt: string; now: Date }) {
  const deadline = describeDeadline(dueAt, now);
  return (
    <span className={`deadline${deadline.overdue ? ' overdue' : ''}`} title={`Due ${deadline.at}`}>
      {deadline.overdue ? <strong className="overdue-mark">OVERDUE</strong> : null} {deadline.text} <span className="muted">(due {deadline.at})</span>
    </span>
  );
}

function ReassignForm({ task, onDone, onError }: { task: Task; onDone: () => void; onError: (error: unknown) => void }) {
  const [toUser, setToUser] = useState('');
  const [toTeam, setToTeam] = useState('');
  const reassignTask = useReassignTask();
  const base = `reassign-${task.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await reassignTask.mutateAsync({ taskId: task.id, toUser: toUser.trim() || undefined, toTeam: toTeam.trim() || undefined });
      onDone();
    } catch (error) {
      onError(error);
    }
  }
  return (
    <form className="reassign" onSubmit={submit} aria-label={`Reassign ${task.name}`}>
      <label htmlFor={`${base}-user`}>To person (username)</label>
      <input id={`${base}-user`} value={toUser} onChange={(e) => setToUser(e.target.value)} />
      <label htmlFor={`${base}-team`}>or to team</label>
      <input id={`${base}-team`} value={toTeam} onChange={(e) => setToTeam(e.target.value)} />
      <button type="submit" disabled={!toUser.trim() && !toTeam.trim()}>
        Reassign
      </button>
    </form>
  );
}

/** The inbox refetches itself after an action (the actions invalidate the cached tasks), so the card only reports a completion. */
export function TaskCard({ task, now, onCompleted }: { task: Task; now: Date; onCompleted: (task: Task, result: TaskActionResult) => void }) {
  const { user } = useSession();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [reassigning, setReassigning] = useState(false);
  const claimTask = useClaimTask();
  const acceptHandoff = useAcceptHandoff();
  const returnTask = useReturnTask();
  const mine = task.assignee === user.id;
  const isLead = user.leadOf.includes(task.team) || user.roles.includes('admin');
  const awaitingAcceptance = Boolean(task.handoffFrom) && !task.acceptedAt;

  async function act(action: { mutateAsync: (input: { taskId: string }) => Promise<unknown> }) {
    setBusy(true);
    setError(undefined);
    try {
      await action.mutateAsync({ taskId: task.id });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className={`task-card${task.dueAt && describeDeadline(task.dueAt, now).overdue ? ' is-overdue' : ''}`} aria-label={task.name}>
      <div className="task-head">
        <h3>
          {task.name}
          {task.instance ? <> <InstanceProgress instance={task.instance} /></> : null}
        </h3>
        <a href={`#/cases/${encodeURIComponent(task.caseId)}`}>Case {task.caseId}</a>
      </div>
      <p className="task-meta">
        Team <strong>{task.team}</strong> · {task.assignee ? (mine ? 'claimed by you' : `claimed by ${task.assignee}`) : 'not claimed'}
        {task.priority ? ` · priority ${task.priority}` : ''}
      </p>
      {task.dueAt ? (
        <p>
          <Deadline dueAt={task.dueAt} now={now} />
        </p>
      ) : (
        <p className="muted">No deadline</p>
      )}
      {task.handoffFrom ? (
        <p className="handoff">
          Handed over from <strong>{task.handoffFrom}</strong>
          {awaitingAcceptance && task.acceptBy ? <> — accept by {describeDeadline(task.acceptBy, now).at}{describeDeadline(task.acceptBy, now).overdue ? <strong className="overdue-mark"> (acceptance overdue)</strong> : null}</> : null}
          {task.acceptedAt ? ' — accepted' : null}
        </p>
      ) : null}
      <div className="actions">
        {awaitingAcceptance ? (
          <button type="button" disabled={busy} onClick={() => act(acceptHandoff)}>
            Accept handoff
          </button>
        ) : null}
        {!task.assignee ? (
          <button type="button" disabled={busy} onClick={() => act(claimTask)}>
            Claim
          </button>
        ) : null}
        {task.assignee && (mine || isLead) ? (
          <button type="button" disabled={busy} onClick={() => act(returnTask)}>
            Return to queue
          </button>
        ) : null}
        {isLead ? (
          <button type="button" aria-expanded={reassigning} onClick={() => setReassigning((open) => !open)}>
            Reassign…
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {reassigning ? (
        <ReassignForm
          task={task}
          onDone={() => setReassigning(false)}
          onError={(failure) => setError(failure instanceof Error ? failure.message : String(failure))}
        />
      ) : null}
      {mine ? <TaskForm task={task} onCompleted={(result) => onCompleted(task, result)} /> : null}
    </li>
  );
}
