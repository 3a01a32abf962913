// The case log as a case's Temporal history holds it: the events handed to each `recordCaseEvents`
// activity it scheduled (runs from before the fenced write), and the receipt each fenced local write
// returned into its marker (a local activity's marker keeps its result, not its input). Only writes
// whose workflow task reached history count: a lost attempt's write leaves nothing here.
import type { CaseLogReceipt } from '../../domain/events/case-log-fence.ts';
import { recordedFencedWrite, type HistoryEvent, type PayloadDecoder } from '../../runtime/fenced-write-markers.ts';

export { payloadDecoder } from '../../runtime/fenced-write-markers.ts';

export type LoggedEvent = CaseLogReceipt;

export async function historyCaseLog(history: HistoryEvent[], decode: PayloadDecoder): Promise<LoggedEvent[]> {
  const written: LoggedEvent[] = [];
  for (const event of history) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled?.activityType?.name === 'recordCaseEvents') {
      written.push(...(((await decode(scheduled.input))[0] as LoggedEvent[] | undefined) ?? []));
      continue;
    }
    const result = await recordedFencedWrite(event, decode);
    if (result) written.push(...result.receipt.map(({ id, kind, taskId }) => (taskId === undefined ? { id, kind } : { id, kind, taskId })));
  }
  return written;
}
