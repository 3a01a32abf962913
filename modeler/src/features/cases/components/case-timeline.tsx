// The case's timeline, oldest first; steps of the diagram can be shown too.
import { useState } from 'react';
import { formatWhen } from '../../../shared/time/deadline.ts';
import type { CaseEvent } from '../api/get-case.ts';
import { eventSubject, isAlarm, isDiagramStep, kindText } from '../lib/event-text.ts';
import { DecisionEvaluation } from './decision-evaluation.tsx';

export function CaseTimeline({ events, names }: { events: readonly CaseEvent[]; names: ReadonlyMap<string, string> }) {
  const [showSteps, setShowSteps] = useState(false);
  const shown = showSteps ? events : events.filter((event) => !isDiagramStep(event));
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <label className="inline">
        <input type="checkbox" checked={showSteps} onChange={(e) => setShowSteps(e.target.checked)} /> Show every diagram step
      </label>
      {shown.length === 0 ? (
        <p className="status status-empty">Nothing has happened on this case yet.</p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {shown.map((event) => (
            <li key={event.id} className={isAlarm(event) ? 'alarm' : undefined}>
              <time dateTime={event.at}>{formatWhen(event.at)}</time> <strong>{kindText(event.kind)}</strong> {eventSubject(event, names)}
              {event.team ? <span className="muted"> · team {event.team}</span> : null}
              {event.actor ? <span className="muted"> · by {event.actor}</span> : null}
              {event.kind === 'decision-evaluated' ? <DecisionEvaluation event={event} /> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
