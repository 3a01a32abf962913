// Path 2 of "visible only after durable": the answer of a case's Update reaches the API only once
// Temporal has recorded the workflow task that answered, and with it every case log write up to the
// position the answer carries — so the API confirms the log through that position before it
// replies, and the caseworker's next inbox read shows the task the answer names.
import type { NextSteps } from '../domain/contract/task.ts';
import { confirmCaseLog } from '../storage/case-log-confirm.ts';
import type { Database } from '../storage/database.ts';

/** Confirms what the answer proves recorded, and returns the answer without the position (an internal). */
export async function confirmAnswered(db: Database, caseId: string, next: NextSteps): Promise<NextSteps> {
  const { logPosition, ...answer } = next;
  if (logPosition !== undefined) await confirmCaseLog(db, caseId, logPosition);
  return answer;
}
