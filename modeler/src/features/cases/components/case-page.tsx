// One case: its diagram with progress, open work and deadlines, messages, ownership and timeline.
import { lazy, Suspense, useMemo } from 'react';
import { Empty, ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import { describeDeadline, formatWhen } from '../../../shared/time/deadline.ts';
import { useCase, type CaseDetail } from '../api/get-case.ts';
import { useVersionBpmn } from '../../../shared/api/get-version-bpmn.ts';
import { useTemporalUi, workflowUrl } from '../api/get-health.ts';
import { progressByElement } from '../lib/progress-markers.ts';
import { kindText } from '../lib/event-text.ts';
import { CaseTimeline } from './case-timeline.tsx';
import { InstanceProgress } from '../../../shared/components/instance-progress.tsx';

const CaseDiagram = lazy(() => import('./case-diagram.tsx'));

function Diagram({ detail }: { detail: CaseDetail }) {
  const bpmn = useVersionBpmn(detail.case.definitionId, detail.case.version);
  const progress = useMemo(() => progressByElement(detail.timeline, detail.tasks), [detail]);
  if (bpmn.error) return <ErrorMessage error={bpmn.error} onRetry={bpmn.reload} />;
  if (!bpmn.data) return <Loading what="the diagram" />;
  return (
    <Suspense fallback={<Loading what="the diagram viewer" />}>
      <CaseDiagram xml={bpmn.data} progress={progress} />
    </Suspense>
  );
}

function OpenWork({ detail, now }: { detail: CaseDetail; now: Date }) {
  const open = detail.tasks.filter((task) => task.status === 'open' || task.status === 'claimed');
  const timers = detail.live?.timers ?? [];
  return (
    <section aria-labelledby="open-heading" data-testid="case-open-work">
      <h2 id="open-heading">Open work and deadlines</h2>
      {open.length === 0 && timers.length === 0 ? <Empty>No open tasks or timers.</Empty> : null}
      <ul>
        {open.map((task) => {
          const due = task.dueAt ? describeDeadline(task.dueAt, now) : undefined;
          return (
            <li key={task.id}>
              <strong>{task.name}</strong>
              {task.instance ? <> (<InstanceProgress instance={task.instance} />)</> : null} — team {task.team}, {task.assignee ? `claimed by ${task.assignee}` : 'not claimed'}
              {due ? <span className={due.overdue ? 'overdue' : undefined}> · {due.text} (due {due.at})</span> : null}
              {task.handoffFrom && !task.acceptedAt && task.acceptBy ? ` · handed over from ${task.handoffFrom}, accept by ${formatWhen(task.acceptBy)}` : null}
            </li>
          );
        })}
        {timers.map((timer) => (
          <li key={timer.timerId}>
            Timer <code>{timer.timerId}</code> fires {formatWhen(timer.fireAt)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Messages({ detail }: { detail: CaseDetail }) {
  const received = detail.timeline.filter((event) => event.kind === 'message-received');
  const waiting = detail.live?.waitingFor ?? [];
  return (
    <section aria-labelledby="messages-heading">
      <h2 id="messages-heading">Messages</h2>
      {received.length === 0 && waiting.length === 0 ? <Empty>No messages expected or received.</Empty> : null}
      <ul>
        {waiting.map((message, index) => (
          <li key={`w${index}`}>Waiting for “{message.messageName}”</li>
        ))}
        {received.map((event) => (
          <li key={event.id}>
            Received “{String(event.data?.messageName ?? event.nodeId ?? 'message')}” at {formatWhen(event.at)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Ownership({ detail }: { detail: CaseDetail }) {
  return (
    <section aria-labelledby="ownership-heading">
      <h2 id="ownership-heading">Ownership</h2>
      {detail.ownership.length === 0 ? <Empty>No ownership recorded.</Empty> : null}
      <ol className="ownership" data-testid="ownership">
        {detail.ownership.map((event) => (
          <li key={event.id}>
            {event.kind === 'ownership-changed' ? 'Owned by' : kindText(event.kind)}: {event.team ? <strong>{event.team}</strong> : null}
            {event.actor ? ` (${event.actor})` : ''} — {formatWhen(event.at)}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function CasePage({ caseId }: { caseId: string }) {
  const detail = useCase(caseId);
  const temporalUi = useTemporalUi();
  const now = new Date();
  if (detail.error) return <ErrorMessage error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading what={`case ${caseId}`} />;
  const { case: item } = detail.data;
  return (
    <article className="case-page">
      <header className="page-head">
        <h1>Case {item.id}</h1>
        <button type="button" onClick={detail.reload}>
          Refresh
        </button>
      </header>
      <p>
        {item.definitionId} version {item.version} · <span className={`badge status-${item.status}`}>{item.status}</span> · owned by {item.ownerTeam ?? 'no team'} · started {formatWhen(item.startedAt)}
        {item.endedAt ? ` · ended ${formatWhen(item.endedAt)}` : ''}
        {temporalUi.data ? (
          <>
            {' · '}
            <a href={workflowUrl(temporalUi.data, item.id)} target="_blank" rel="noreferrer">
              Workflow in Temporal Web UI
            </a>
          </>
        ) : null}
      </p>
      <Diagram detail={detail.data} />
      <div className="case-columns">
        <div>
          <OpenWork detail={detail.data} now={now} />
          <Messages detail={detail.data} />
          <Ownership detail={detail.data} />
        </div>
        <CaseTimeline events={detail.data.timeline} names={new Map(detail.data.tasks.map((task) => [task.nodeId, task.name]))} />
      </div>
    </article>
  );
}
