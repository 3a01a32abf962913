// The bottleneck report's shape: zod schemas for every figure that crosses the API, types inferred.
import { z } from 'zod';

/** Durations in milliseconds; null when there is nothing to measure. Percentiles interpolate linearly (numpy's default). */
export const DurationStats = z.object({
  count: z.number().int(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  p90: z.number().nullable(),
  max: z.number().nullable(),
});
export type DurationStats = z.infer<typeof DurationStats>;

export const TimeBasis = z.enum(['calendar', 'working']);
export type TimeBasis = z.infer<typeof TimeBasis>;

export const ElementStatistics = z.object({
  nodeId: z.string(),
  name: z.string(),
  /** `task`: a user task (ready/claimed/completed); `element`: any other element (entered/completed). */
  kind: z.enum(['task', 'element']),
  /** The team that held most of the element's tasks; undefined for non-task elements. */
  team: z.string().optional(),
  cases: z.number().int(),
  executions: z.number().int(),
  completed: z.number().int(),
  waiting: DurationStats,
  processing: DurationStats,
  sojourn: DurationStats,
});
export type ElementStatistics = z.infer<typeof ElementStatistics>;

export const DirectlyFollowsEdge = z.object({
  from: z.string(),
  to: z.string(),
  fromName: z.string(),
  toName: z.string(),
  count: z.number().int(),
  duration: DurationStats,
});
export type DirectlyFollowsEdge = z.infer<typeof DirectlyFollowsEdge>;

export const DirectlyFollowsGraph = z.object({
  edges: z.array(DirectlyFollowsEdge),
  starts: z.array(z.object({ nodeId: z.string(), name: z.string(), count: z.number().int() })),
  ends: z.array(z.object({ nodeId: z.string(), name: z.string(), count: z.number().int() })),
});
export type DirectlyFollowsGraph = z.infer<typeof DirectlyFollowsGraph>;

export const HandoffStatistics = z.object({
  fromTeam: z.string(),
  toTeam: z.string(),
  count: z.number().int(),
  accepted: z.number().int(),
  overdue: z.number().int(),
  delay: DurationStats,
});
export type HandoffStatistics = z.infer<typeof HandoffStatistics>;

export const ReworkReport = z.object({
  casesWithRework: z.number().int(),
  repeatedExecutions: z.number().int(),
  byElement: z.array(
    z.object({ nodeId: z.string(), name: z.string(), cases: z.number().int(), casesWithRepeat: z.number().int(), repeatedExecutions: z.number().int(), reworkRate: z.number() }),
  ),
  loops: z.array(z.object({ from: z.string(), to: z.string(), fromName: z.string(), toName: z.string(), count: z.number().int(), cases: z.number().int() })),
  /** The cases with most repeats (at most `maxCases`), for drilling down. */
  cases: z.array(z.object({ caseId: z.string(), repeats: z.array(z.object({ nodeId: z.string(), name: z.string(), completions: z.number().int() })) })),
});
export type ReworkReport = z.infer<typeof ReworkReport>;

export const Variant = z.object({
  activities: z.array(z.string()),
  count: z.number().int(),
  share: z.number(),
  duration: DurationStats,
});
export type Variant = z.infer<typeof Variant>;

export const VariantsReport = z.object({
  total: z.number().int(),
  casesWithoutActivity: z.number().int(),
  variants: z.array(Variant),
});
export type VariantsReport = z.infer<typeof VariantsReport>;

export const CaseDurationReport = z.object({
  duration: DurationStats,
  bins: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
});
export type CaseDurationReport = z.infer<typeof CaseDurationReport>;

export const ThroughputReport = z.object({
  period: z.enum(['day', 'week']),
  periods: z.array(z.object({ start: z.string(), started: z.number().int(), ended: z.number().int(), completed: z.number().int(), workInProgress: z.number().int() })),
});
export type ThroughputReport = z.infer<typeof ThroughputReport>;

export const BreachRate = z.object({
  tasks: z.number().int(),
  withDeadline: z.number().int(),
  breached: z.number().int(),
  rate: z.number().nullable(),
});
export type BreachRate = z.infer<typeof BreachRate>;

export const SlaBreachReport = z.object({
  overall: BreachRate,
  byElement: z.array(BreachRate.extend({ nodeId: z.string(), name: z.string() })),
  byTeam: z.array(BreachRate.extend({ team: z.string() })),
});
export type SlaBreachReport = z.infer<typeof SlaBreachReport>;

export const AtRiskItem = z.object({
  caseId: z.string(),
  /** `task`: a step's own deadline; `case`: a deadline held in case data (ERS date, 72-hour point…). */
  scope: z.enum(['task', 'case']),
  deadline: z.string(),
  deadlineName: z.string(),
  nodeId: z.string().optional(),
  taskId: z.string().optional(),
  name: z.string().optional(),
  team: z.string().optional(),
  predictedAt: z.string(),
  /** Predicted lateness in ms (positive: late). */
  lateByMs: z.number(),
  alreadyOverdue: z.boolean(),
  basis: z.enum(['history', 'no-history']),
});
export type AtRiskItem = z.infer<typeof AtRiskItem>;

export const BottleneckReport = z.object({
  generatedAt: z.string(),
  time: TimeBasis,
  cases: z.object({ total: z.number().int(), open: z.number().int(), completed: z.number().int(), failed: z.number().int(), cancelled: z.number().int() }),
  events: z.number().int(),
  elements: z.array(ElementStatistics),
  directlyFollows: DirectlyFollowsGraph,
  handoffs: z.array(HandoffStatistics),
  rework: ReworkReport,
  variants: VariantsReport,
  caseDurations: CaseDurationReport,
  throughput: ThroughputReport,
  slaBreaches: SlaBreachReport,
  atRisk: z.array(AtRiskItem),
});
export type BottleneckReport = z.infer<typeof BottleneckReport>;
