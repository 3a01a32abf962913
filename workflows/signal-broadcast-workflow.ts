// A signal broadcast: every case waiting for the signal's name gets it, once, and every process with
// a top-level signal start event for the name gets one new case. The fan-out is a workflow, so it
// survives a crash half-way: it pages through the signal waits the projection records (in case id
// order), and each page is one activity that signals its cases. A page retried after a crash
// signals some cases again; each case ignores a broadcast id it has already had. The new cases are
// started last, by one activity, each under an id made from the broadcast and the process, so a
// retried start finds its case; last, because a signal reaches only the waits open when it is sent,
// not those of the cases it starts.
import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { SignalActivities } from '../activities/signal-activities.ts';
import type { SignalBroadcastInput, SignalBroadcastResult } from './case-api.ts';

/** Cases signalled by one activity: small enough that a retried page repeats little. */
export const BROADCAST_PAGE = 50;

/** Who starts the cases a signal thrown by a case begins (a broadcast through the API names its sender). */
const THROWN_SIGNAL_STARTER = 'signal';

const { signalWaitingCases, startSignalledCases } = proxyActivities<SignalActivities>({
  startToCloseTimeout: '2 minutes',
  // The activities heartbeat after each case, so work on a dead worker is retried within seconds.
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

export async function signalBroadcastWorkflow(input: SignalBroadcastInput): Promise<SignalBroadcastResult> {
  const { broadcastId, signalName, data, sentBy } = input;
  let after = input.after;
  let signalled = input.signalled ?? 0;
  for (;;) {
    const page = await signalWaitingCases({ broadcastId, signalName, data, limit: BROADCAST_PAGE, ...(after === undefined ? {} : { after }) });
    signalled += page.signalled;
    if (page.listed.length < BROADCAST_PAGE) break;
    after = page.listed[page.listed.length - 1];
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof signalBroadcastWorkflow>({ ...input, after, signalled });
  }
  const starts = await startSignalledCases({ broadcastId, signalName, data, startedBy: sentBy ?? THROWN_SIGNAL_STARTER });
  return { broadcastId, signalName, signalled, starts };
}
