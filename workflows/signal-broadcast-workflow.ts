// A signal broadcast: every case waiting for the signal's name gets it, once. The fan-out is a
// workflow, so it survives a crash half-way: it pages through the signal waits the projection
// records (in case id order), and each page is one activity that signals its cases. A page retried
// after a crash signals some cases again; each case ignores a broadcast id it has already had.
import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { SignalActivities } from '../activities/signal-activities.ts';
import type { SignalBroadcastInput, SignalBroadcastResult } from './case-api.ts';

/** Cases signalled by one activity: small enough that a retried page repeats little. */
export const BROADCAST_PAGE = 50;

const { signalWaitingCases } = proxyActivities<SignalActivities>({
  startToCloseTimeout: '2 minutes',
  // The activity heartbeats after each case, so a page on a dead worker is retried within seconds.
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

export async function signalBroadcastWorkflow(input: SignalBroadcastInput): Promise<SignalBroadcastResult> {
  const { broadcastId, signalName, data } = input;
  let after = input.after;
  let signalled = input.signalled ?? 0;
  for (;;) {
    const page = await signalWaitingCases({ broadcastId, signalName, data, limit: BROADCAST_PAGE, ...(after === undefined ? {} : { after }) });
    signalled += page.signalled;
    if (page.listed.length < BROADCAST_PAGE) return { broadcastId, signalName, signalled };
    after = page.listed[page.listed.length - 1];
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof signalBroadcastWorkflow>({ broadcastId, signalName, data, after, signalled });
  }
}
