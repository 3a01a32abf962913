// Activities through which workflows write the projection store. Each write carries stable
// event ids, so Temporal's retries (or a worker crash mid-write) never duplicate an event.
import { CaseLogEvent } from '../domain/events/case-log-event.ts';
import { FencedCaseLogWrite, type FencedWriteResult } from '../domain/events/case-log-fence.ts';
import type { Database } from '../storage/database.ts';
import { appendCaseLogEvents, type AppendResult } from '../storage/case-log-store.ts';
import { appendFencedCaseLogEvents } from '../storage/fenced-case-log-store.ts';
import { findDeployedVersion, type DeployedVersion } from '../storage/definition-store.ts';

export function createProjectionActivities(db: Database) {
  return {
    /** The write as a normal activity (runs only once its workflow task is in history): runs recorded before the fenced write. */
    async recordCaseEvents(events: CaseLogEvent[]): Promise<AppendResult> {
      return appendCaseLogEvents(db, events.map((event) => CaseLogEvent.parse(event)));
    },
    /**
     * The write for a local activity, inside the workflow task, fenced by that task's attempt; its
     * rows stay tentative until confirmed in history (docs/architecture.md, "Record").
     */
    async recordFencedCaseEvents(write: FencedCaseLogWrite): Promise<FencedWriteResult> {
      return appendFencedCaseLogEvents(db, FencedCaseLogWrite.parse(write));
    },
    /** For call activities: the latest deployed version of the called process. */
    async resolveCalledDefinition(calledElement: string): Promise<DeployedVersion | null> {
      return findDeployedVersion(db, calledElement);
    },
  };
}

export type ProjectionActivities = ReturnType<typeof createProjectionActivities>;
