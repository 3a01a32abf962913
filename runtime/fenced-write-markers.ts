// Reads the fenced case log writes a case's Temporal history recorded: each local activity marker
// of `recordFencedCaseEvents` keeps the write's result (its receipt and fence), not its input. Only a
// write whose workflow task reached history leaves a marker; a lost attempt's leaves nothing.
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { FencedWriteResult } from '../domain/events/case-log-fence.ts';
import type { Database } from '../storage/database.ts';
import { casemapDataConverter } from './casemap-data-converter.ts';

export type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
export type Payloads = temporal.api.common.v1.IPayloads | null | undefined;
export type PayloadDecoder = (payloads: Payloads) => Promise<unknown[]>;
export type RecordedFencedWrite = Extract<FencedWriteResult, { outcome: 'written' }>;

/** Payloads through the stack's own codecs first, so claim-checked ones read back whole. */
export function payloadDecoder(db: Database): PayloadDecoder {
  const codecs = casemapDataConverter(db).payloadCodecs ?? [];
  return async (payloads) => {
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

/** The result a history event recorded for a fenced write, or undefined for any other event. */
export async function recordedFencedWrite(event: HistoryEvent, decode: PayloadDecoder): Promise<RecordedFencedWrite | undefined> {
  const marker = event.markerRecordedEventAttributes;
  if (marker?.markerName !== 'core_local_activity' || !marker.details) return undefined;
  const [data] = await decode(marker.details.data);
  if (!isFencedWrite(data)) return undefined;
  const [result] = (await decode(marker.details.result)) as [FencedWriteResult | undefined];
  return result?.outcome === 'written' ? result : undefined;
}
