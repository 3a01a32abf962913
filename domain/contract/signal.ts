// Signals as the API reports them: a broadcast asked for, and how many cases waited for it then.
import { z } from 'zod';

/** A broadcast under way: `waitingCases` counts the cases waiting when it was asked for; `duplicate` when asked for before. */
export const SignalReceipt = z.object({
  broadcastId: z.string(),
  signalName: z.string(),
  waitingCases: z.number().int().nonnegative(),
  duplicate: z.boolean(),
});
export type SignalReceipt = z.infer<typeof SignalReceipt>;
