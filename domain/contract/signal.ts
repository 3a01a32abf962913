// Signals as the API reports them: a broadcast asked for, how many cases waited for it then, and
// which processes it starts a case of.
import { z } from 'zod';

/**
 * A broadcast under way: `waitingCases` counts the cases waiting when it was asked for;
 * `startingProcesses` names the processes whose latest version has a signal start event for it (a
 * start form may still refuse the data: the broadcast's result says); `duplicate` when asked for before.
 */
export const SignalReceipt = z.object({
  broadcastId: z.string(),
  signalName: z.string(),
  waitingCases: z.number().int().nonnegative(),
  startingProcesses: z.array(z.string()),
  duplicate: z.boolean(),
});
export type SignalReceipt = z.infer<typeof SignalReceipt>;
