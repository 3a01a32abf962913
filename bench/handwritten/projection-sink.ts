// The worker side of the hand-written yardsticks' 'sink-*' projection modes (bench/handwritten/
// workflows.ts): the same `appendCaseLogEvents` write the activity does, called from a workflow
// sink. An awaited write holds the workflow task's completion (the SDK awaits a sink before it
// completes the activation); a detached one is chained behind the case's earlier writes (the
// projection needs them in order) and only the bench waits for it, when the case has ended, so a
// round's time still includes every row it wrote.
import type { InjectedSinks } from '@temporalio/worker';
import { CaseLogEvent } from '../../domain/events/case-log-event.ts';
import { appendCaseLogEvents } from '../../storage/case-log-store.ts';
import type { Database } from '../../storage/database.ts';
import type { ProjectionSinks } from './workflows.ts';

export interface ProjectionSink {
  sinks: InjectedSinks<ProjectionSinks>;
  /** Resolves once every detached write of the case has landed (and forgets the case). */
  settled(caseId: string): Promise<void>;
}

export function createProjectionSink(db: Database): ProjectionSink {
  const chains = new Map<string, Promise<void>>();
  const write = (events: CaseLogEvent[]) => appendCaseLogEvents(db, events.map((event) => CaseLogEvent.parse(event))).then(() => undefined);
  return {
    sinks: {
      projectionSink: {
        record: {
          fn: async (_info, events, detached) => {
            if (!detached) return write(events);
            const caseId = events[0]?.caseId ?? '';
            const chained = (chains.get(caseId) ?? Promise.resolve()).then(() => write(events));
            chains.set(caseId, chained);
          },
          // Replays must not write again: these writes happened when the task first ran.
          callDuringReplay: false,
        },
      },
    },
    async settled(caseId) {
      await chains.get(caseId);
      chains.delete(caseId);
    },
  };
}
