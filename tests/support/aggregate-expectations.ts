// What the analytical store's answers must equal: the full recomputation (`analyseTraces`, the report's own functions) over the same traces, plus min, total and the sample standard deviation counted naively from the samples.
import { expect } from 'vitest';
import { analyseTraces } from '../../domain/insights/analyse.ts';
import type { CaseTrace } from '../../domain/insights/case-traces.ts';
import type { AggregatedDfg, AggregatedDuration, AggregatedHandoffs, AggregatedReport, AggregatedTimeSplit, ProcessAggregatedDfg } from '../../domain/contract/insight-aggregates.ts';
import type { DurationStats } from '../../domain/insights/report.ts';

const NOW = '2027-01-01T00:00:00Z';

/**
 * `stepName` for a process's own log, whose aggregates key steps by node id and name them from the
 * diagram (the version's, or each step's latest): every name must be `stepName(id)`, and the rest is
 * compared with the report (which names steps from the log's tasks). Without it (a kept log) names
 * are compared with the report's and the graph must carry none beside its activity names.
 */
export interface Expectation {
  stepName?: (nodeId: string) => string;
}

const NAME_FIELDS = ['name', 'fromName', 'toName'];
const unnamed = <T extends object>(item: T) => Object.fromEntries(Object.entries(item).filter(([key]) => !NAME_FIELDS.includes(key)));

/** Each name beside an id, as `stepName` says it (ids under `nodeId`, `activity`, `from` and `to`). */
function expectNamed(items: readonly object[], stepName: (nodeId: string) => string) {
  for (const item of items as readonly Record<string, string>[]) {
    const id = item.nodeId ?? item.activity;
    if (id !== undefined) expect(item.name, JSON.stringify(item)).toBe(stepName(id));
    if (item.from !== undefined) expect([item.fromName, item.toName], JSON.stringify(item)).toEqual([stepName(item.from), stepName(item.to!)]);
  }
}

const push = (map: Map<string, number[]>, key: string, value: number) => {
  if (!Number.isNaN(value)) map.set(key, [...(map.get(key) ?? []), value]);
};

function expectSameStdev(got: number | null, samples: readonly number[]) {
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const stdev = samples.length < 2 ? null : Math.sqrt(samples.reduce((a, b) => a + (b - mean) ** 2, 0) / (samples.length - 1));
  if (stdev === null) expect(got).toBeNull();
  else expect(Math.abs(got! - stdev)).toBeLessThanOrEqual(1e-9 * Math.max(1, stdev));
}

/** The graph `directlyFollows` gives, and per edge the min and standard deviation of its samples; per step its completions and cases. */
export function expectSameDfg(named: AggregatedDfg | ProcessAggregatedDfg, traces: readonly CaseTrace[], { stepName }: Expectation = {}) {
  const parts = [named.edges, named.activities, named.starts, named.ends] as const;
  if (stepName) for (const part of parts) expectNamed(part, stepName);
  else expect(parts.flat().filter((item) => NAME_FIELDS.some((key) => key in item))).toEqual([]);
  const answer = (stepName ? { edges: named.edges.map(unnamed), activities: named.activities.map(unnamed), starts: named.starts.map(unnamed), ends: named.ends.map(unnamed) } : named) as AggregatedDfg;
  const dfg = analyseTraces(traces, { now: NOW }).directlyFollows;
  const samples = new Map<string, number[]>();
  const completions = new Map<string, { count: number; cases: number }>();
  for (const trace of traces) {
    const done = trace.completions;
    for (let i = 1; i < done.length; i += 1) push(samples, `${done[i - 1]!.nodeId}>${done[i]!.nodeId}`, done[i]!.completedAt - done[i - 1]!.completedAt);
    const seen = new Set<string>();
    for (const task of done) {
      const figure = completions.get(task.nodeId) ?? { count: 0, cases: 0 };
      figure.count += 1;
      if (!seen.has(task.nodeId)) figure.cases += 1;
      seen.add(task.nodeId);
      completions.set(task.nodeId, figure);
    }
  }
  expect(answer.edges.map((e) => [e.from, e.to, e.count])).toEqual(dfg.edges.map((e) => [e.from, e.to, e.count]));
  dfg.edges.forEach((edge, i) => {
    const got = answer.edges[i]!.duration;
    expect(got.mean).toBe(edge.duration.mean);
    expect(got.max).toBe(edge.duration.max);
    const list = samples.get(`${edge.from}>${edge.to}`)!;
    expect(got.min).toBe(Math.min(...list));
    expectSameStdev(got.stdev, list);
  });
  expect(answer.starts).toEqual(dfg.starts.map((s) => ({ activity: s.nodeId, count: s.count })));
  expect(answer.ends).toEqual(dfg.ends.map((s) => ({ activity: s.nodeId, count: s.count })));
  expect(Object.fromEntries(answer.activities.map((a) => [a.activity, { count: a.count, cases: a.cases }]))).toEqual(Object.fromEntries(completions));
}

/** Variants and rework as the report gives them (its rework case list cut to repeat counts). */
export function expectSameReport(answer: AggregatedReport, traces: readonly CaseTrace[], limits = { maxVariants: 1000, maxReworkCases: 1000 }, { stepName }: Expectation = {}) {
  const report = analyseTraces(traces, { now: NOW, ...limits });
  expect(answer.cases).toBe(report.cases.total);
  expect(answer.variants).toEqual(report.variants);
  const { cases, ...rework } = report.rework;
  const named = (r: typeof rework) => (stepName ? { ...r, byElement: r.byElement.map(unnamed), loops: r.loops.map(unnamed) } : r);
  const { cases: answered, ...got } = answer.rework;
  if (stepName) for (const part of [got.byElement, got.loops]) expectNamed(part, stepName);
  expect(named(got as typeof rework)).toEqual(named(rework));
  expect(answered).toEqual(cases.map((c) => ({ caseId: c.caseId, repeatedExecutions: c.repeats.reduce((n, r) => n + r.completions - 1, 0) })));
}

/** The report's summary (count, mean, max) and, counted naively from the samples, min, total and the sample standard deviation. */
function expectSameDuration(got: AggregatedDuration, stats: DurationStats, samples: readonly number[]) {
  expect([got.count, got.mean, got.max]).toEqual([stats.count, stats.mean, stats.max]);
  expect(got.count).toBe(samples.length);
  expect(got.min).toBe(samples.length === 0 ? null : Math.min(...samples));
  expect(got.total).toBe(samples.reduce((a, b) => a + b, 0));
  expectSameStdev(got.stdev, samples);
}

export function expectSameHandoffs(answer: AggregatedHandoffs, traces: readonly CaseTrace[]) {
  const report = analyseTraces(traces, { now: NOW });
  const delays = new Map<string, number[]>();
  for (const trace of traces) for (const h of trace.handoffs) push(delays, `${h.fromTeam}>${h.toTeam}`, h.acceptedAt - h.at);
  expect(answer.handoffs.map(({ delay: _, ...h }) => h)).toEqual(report.handoffs.map(({ delay: _, ...h }) => h));
  report.handoffs.forEach((h, i) => expectSameDuration(answer.handoffs[i]!.delay, h.delay, delays.get(`${h.fromTeam}>${h.toTeam}`) ?? []));
}

/** The report's user-task elements (the store keeps no other element's times), waiting and working both measured. */
export function expectSameTimeSplit(answer: AggregatedTimeSplit, traces: readonly CaseTrace[], { stepName }: Expectation = {}) {
  const elements = analyseTraces(traces, { now: NOW }).elements.filter((e) => e.kind === 'task');
  const samples = { waiting: new Map<string, number[]>(), processing: new Map<string, number[]>(), sojourn: new Map<string, number[]>() };
  for (const trace of traces) {
    for (const task of trace.tasks) {
      push(samples.waiting, task.nodeId, task.claimedAt - task.readyAt);
      push(samples.processing, task.nodeId, task.completedAt - task.claimedAt);
      push(samples.sojourn, task.nodeId, task.completedAt - task.readyAt);
    }
  }
  const figures = (e: { nodeId: string; name: string; kind: string; team?: string | undefined; cases: number; executions: number; completed: number }) =>
    [e.nodeId, stepName ? '' : e.name, e.kind, e.team, e.cases, e.executions, e.completed];
  expect(answer.elements.map(figures)).toEqual(elements.map(figures));
  if (stepName) expectNamed(answer.elements, stepName);
  elements.forEach((e, i) => {
    for (const part of ['waiting', 'processing', 'sojourn'] as const) expectSameDuration(answer.elements[i]![part], e[part], samples[part].get(e.nodeId) ?? []);
  });
  expect(answer.elements.some((e) => e.waiting.count > 0 && e.processing.count > 0)).toBe(true);
}
