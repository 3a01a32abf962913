// The case log as a case's Temporal history holds it: the events handed to each `recordCaseEvents`
// activity it scheduled (runs from before the fenced write), and the receipt each fenced local write
// returned into its marker (a local activity's marker keeps its result, not its input). Only writes
// whose workflow task reached history count: a lost attempt's write leaves nothing here.
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { CaseLogReceipt, FencedWriteResult } from '../../domain/events/case-log-fence.ts';
import { casemapDataConverter } from '../../runtime/casemap-data-converter.ts';
import type { Database } from '../../storage/database.ts';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
type Payloads = temporal.api.common.v1.IPayloads | null | undefined;

export type LoggedEvent = CaseLogReceipt;

/** Payloads through the stack's own codecs first, so claim-checked ones read back whole. */
export function payloadDecoder(db: Database) {
  const codecs = casemapDataConverter(db).payloadCodecs ?? [];
  return async (payloads: Payloads): Promise<unknown[]> => {
    let decoded = (payloads?.payloads ?? []) as Payload[];
    for (const codec of [...codecs].reverse()) decoded = await codec.decode(decoded);
    return decoded.map((payload) => defaultPayloadConverter.fromPayload(payload));
  };
}

/** Whether a local activity marker's data names the fenced write (core writes the data as JSON, field names in snake case). */
function isFencedWrite(data: unknown): boolean {
  const fields = data as { activity_type?: string; activityType?: string } | undefined;
  return (fields?.activity_type ?? fields?.activityType) === 'recordFencedCaseEvents';
}

export async function historyCaseLog(history: HistoryEvent[], decode: (payloads: Payloads) => Promise<unknown[]>): Promise<LoggedEvent[]> {
  const written: LoggedEvent[] = [];
  for (const event of history) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled?.activityType?.name === 'recordCaseEvents') {
      written.push(...(((await decode(scheduled.input))[0] as LoggedEvent[] | undefined) ?? []));
      continue;
    }
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_local_activity' || !marker.details) continue;
    const [data] = await decode(marker.details.data);
    if (!isFencedWrite(data)) continue;
    const [result] = (await decode(marker.details.result)) as [FencedWriteResult | undefined];
    if (result?.outcome === 'written') written.push(...result.receipt.map(({ id, kind, taskId }) => (taskId === undefined ? { id, kind } : { id, kind, taskId })));
  }
  return written;
}
