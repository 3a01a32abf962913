// A deliberately incompatible case workflow: it waits on a timer before doing what the real one
// does, as an unpatched change to the interpreter would. replay.test.ts proves every recorded
// history rejects it, so the replay check can fail.
import { sleep } from '@temporalio/workflow';
import { caseWorkflow as realCaseWorkflow } from '../../../workflows/case-workflow.ts';
import type { CaseView } from '../../../workflows/case-api.ts';

export async function caseWorkflow(...args: Parameters<typeof realCaseWorkflow>): Promise<CaseView> {
  await sleep(1);
  return realCaseWorkflow(...args);
}
