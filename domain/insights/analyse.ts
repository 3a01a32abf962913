// The one entry point: a case event log in, the whole bottleneck report out, grouping by case once.
import { z } from 'zod';
import type { CaseLogEvent } from '../events/case-log-event.ts';
import type { ProcessIR } from '../process/ir.ts';
import { analysisContext } from './analysis-context.ts';
import { atRisk, CaseDeadline, defaultCaseDeadlines } from './at-risk.ts';
import { caseDurations } from './case-durations.ts';
import { buildTraces, type CaseTrace } from './case-traces.ts';
import { directlyFollows } from './directly-follows.ts';
import { elementStatistics } from './element-statistics.ts';
import { filterTraces, LogFilter } from './filters.ts';
import { handoffStatistics } from './handoffs.ts';
import { TimeBasis, type BottleneckReport } from './report.ts';
import { rework } from './rework.ts';
import { slaBreaches } from './sla-breaches.ts';
import { throughput } from './throughput.ts';
import { variants } from './variants.ts';

export const AnalyseOptions = z.object({
  /** The instant open work is measured up to (ISO 8601); the analysis never reads a clock. */
  now: z.iso.datetime({ offset: true }),
  time: TimeBasis.default('calendar'),
  filter: LogFilter.default({}),
  period: z.enum(['day', 'week']).default('week'),
  bins: z.number().int().min(1).max(500).default(20),
  maxVariants: z.number().int().min(0).max(10_000).default(50),
  maxReworkCases: z.number().int().min(0).max(10_000).default(50),
  caseDeadlines: z.array(CaseDeadline).default(defaultCaseDeadlines),
});
export type AnalyseOptions = z.input<typeof AnalyseOptions> & {
  /** The process diagram, for element names beyond the tasks'. */
  ir?: ProcessIR;
};

/** Analyses traces already built (e.g. to analyse one log under several filters). */
export function analyseTraces(all: readonly CaseTrace[], options: AnalyseOptions): BottleneckReport {
  const o = AnalyseOptions.parse(options);
  const traces = filterTraces(all, o.filter);
  const ctx = analysisContext(traces, { time: o.time, now: o.now, ...(options.ir ? { ir: options.ir } : {}) });
  const cases = { total: traces.length, open: 0, completed: 0, failed: 0, cancelled: 0 };
  let events = 0;
  for (const trace of traces) {
    cases[trace.outcome] += 1;
    events += trace.events;
  }
  return {
    generatedAt: new Date(ctx.now).toISOString(),
    time: o.time,
    cases,
    events,
    elements: elementStatistics(traces, ctx),
    directlyFollows: directlyFollows(traces, ctx),
    handoffs: handoffStatistics(traces, ctx),
    rework: rework(traces, ctx, o.maxReworkCases),
    variants: variants(traces, ctx, o.maxVariants),
    caseDurations: caseDurations(traces, ctx, o.bins),
    throughput: throughput(traces, ctx, o.period),
    slaBreaches: slaBreaches(traces, ctx),
    atRisk: atRisk(traces, ctx, o.caseDeadlines),
  };
}

export function analyseLog(events: readonly CaseLogEvent[], options: AnalyseOptions): BottleneckReport {
  return analyseTraces(buildTraces(events), options);
}
