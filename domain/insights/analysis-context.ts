// What every analysis shares: how durations are measured, the current instant and element names.
import type { ProcessIR } from '../process/ir.ts';
import type { CaseTrace } from './case-traces.ts';
import { timeMeasure, type Measure } from './time-measure.ts';
import type { TimeBasis } from './report.ts';

export interface AnalysisContext {
  time: TimeBasis;
  measure: Measure;
  /** Epoch ms of "now": open work is measured up to here. */
  now: number;
  /** The display name of an element: the diagram's name, else the task's name in the log, else the id. */
  nameOf(nodeId: string): string;
}

export function analysisContext(traces: readonly CaseTrace[], options: { time?: TimeBasis; now: string | number; ir?: ProcessIR }): AnalysisContext {
  const names = new Map<string, string>();
  for (const trace of traces) for (const task of trace.tasks) if (!names.has(task.nodeId)) names.set(task.nodeId, task.name);
  for (const node of options.ir?.nodes ?? []) if (node.name) names.set(node.id, node.name);
  const time = options.time ?? 'calendar';
  const now = typeof options.now === 'number' ? options.now : Date.parse(options.now);
  if (Number.isNaN(now)) throw new RangeError(`"now" must be an ISO date-time, not ${String(options.now)}.`);
  return { time, measure: timeMeasure(time), now, nameOf: (nodeId) => names.get(nodeId) ?? nodeId };
}
