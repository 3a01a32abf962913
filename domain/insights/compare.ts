// Comparing two periods or two versions: per element, how waiting, processing and breach rates moved.
import { z } from 'zod';
import type { CaseLogEvent } from '../events/case-log-event.ts';
import { analyseTraces, type AnalyseOptions } from './analyse.ts';
import { buildTraces } from './case-traces.ts';
import type { LogFilter } from './filters.ts';
import type { BottleneckReport } from './report.ts';

const Delta = z.object({ base: z.number().nullable(), other: z.number().nullable(), delta: z.number().nullable() });

export const ReportComparison = z.object({
  cases: z.object({ base: z.number().int(), other: z.number().int() }),
  overallBreachRate: Delta,
  elements: z.array(
    z.object({ nodeId: z.string(), name: z.string(), waitingMean: Delta, processingMean: Delta, sojournMean: Delta, breachRate: Delta, executions: Delta }),
  ),
});
export type ReportComparison = z.infer<typeof ReportComparison>;

const delta = (base: number | null | undefined, other: number | null | undefined) => ({
  base: base ?? null,
  other: other ?? null,
  delta: base === null || base === undefined || other === null || other === undefined ? null : other - base,
});

/** `delta` = other − base: positive waiting/processing deltas mean the other report is slower. */
export function compareReports(base: BottleneckReport, other: BottleneckReport): ReportComparison {
  const ids = [...new Set([...base.elements.map((e) => e.nodeId), ...other.elements.map((e) => e.nodeId)])];
  const elementOf = (report: BottleneckReport, id: string) => report.elements.find((e) => e.nodeId === id);
  const breachOf = (report: BottleneckReport, id: string) => report.slaBreaches.byElement.find((e) => e.nodeId === id)?.rate;
  const elements = ids.map((nodeId) => {
    const a = elementOf(base, nodeId);
    const b = elementOf(other, nodeId);
    return {
      nodeId,
      name: (b ?? a)?.name ?? nodeId,
      waitingMean: delta(a?.waiting.mean, b?.waiting.mean),
      processingMean: delta(a?.processing.mean, b?.processing.mean),
      sojournMean: delta(a?.sojourn.mean, b?.sojourn.mean),
      breachRate: delta(breachOf(base, nodeId), breachOf(other, nodeId)),
      executions: delta(a?.executions ?? 0, b?.executions ?? 0),
    };
  });
  elements.sort((x, y) => Math.abs(y.sojournMean.delta ?? 0) - Math.abs(x.sojournMean.delta ?? 0) || x.nodeId.localeCompare(y.nodeId));
  return {
    cases: { base: base.cases.total, other: other.cases.total },
    overallBreachRate: delta(base.slaBreaches.overall.rate, other.slaBreaches.overall.rate),
    elements,
  };
}

/** Analyses one log under two filters (two periods, or two versions) and compares the results. */
export function compareLog(events: readonly CaseLogEvent[], base: LogFilter, other: LogFilter, options: AnalyseOptions): ReportComparison {
  const traces = buildTraces(events);
  const shared = options.filter ?? {};
  return compareReports(analyseTraces(traces, { ...options, filter: { ...shared, ...base } }), analyseTraces(traces, { ...options, filter: { ...shared, ...other } }));
}
