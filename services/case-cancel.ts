// Cancelling a case: a Signal to its workflow, which records who cancelled it and why and ends the
// case. Whether the person may cancel it is the access policy's decision (api/).
import type { Client } from '@temporalio/client';
import { cancelCaseSignal, workflowIdForCase } from '../workflows/case-api.ts';

export async function cancelCase(client: Client, caseId: string, reason: string, actor: string): Promise<void> {
  await client.workflow.getHandle(workflowIdForCase(caseId)).signal(cancelCaseSignal, { reason, actor });
}
