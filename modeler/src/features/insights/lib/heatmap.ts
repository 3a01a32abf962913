// Turns a bottleneck report into heat per diagram element for one measure: the figure, a level
// from 1 (least) to 4 (most, relative to the busiest element) and the words a screen reader and
// the overlay show. Elements with nothing to measure get no heat, not a cold colour.
import type { BottleneckReport } from '../../../../../domain/insights/report.ts';
import { formatDuration, formatRate } from './format-figures.ts';

export const heatmapMeasures = ['frequency', 'waiting', 'processing', 'sla'] as const;
export type HeatmapMeasure = (typeof heatmapMeasures)[number];

export const measureLabels: Record<HeatmapMeasure, string> = {
  frequency: 'Frequency',
  waiting: 'Waiting time',
  processing: 'Processing time',
  sla: 'SLA breaches',
};

/** What the level means, for the legend. */
export const measureExplanations: Record<HeatmapMeasure, string> = {
  frequency: 'how often each step ran',
  waiting: 'mean time in the team queue before someone claimed the step',
  processing: 'mean time from claiming the step to completing it',
  sla: 'share of the step’s deadlines missed',
};

export const HEAT_LEVELS = 4;

export interface HeatCell {
  nodeId: string;
  value: number;
  /** 1…HEAT_LEVELS, relative to the largest value shown. */
  level: number;
  /** The figure as shown on the diagram, e.g. "3.5 h". */
  text: string;
  /** A full sentence for assistive technology and tooltips. */
  description: string;
}

function figures(report: BottleneckReport, measure: HeatmapMeasure): { nodeId: string; name: string; value: number | null; text: string; detail: string }[] {
  switch (measure) {
    case 'frequency':
      return report.elements.map((e) => ({ nodeId: e.nodeId, name: e.name, value: e.executions, text: `${e.executions}×`, detail: `ran ${e.executions} times in ${e.cases} cases` }));
    case 'waiting':
      return report.elements.map((e) => ({ nodeId: e.nodeId, name: e.name, value: e.waiting.count > 0 ? e.waiting.mean : null, text: formatDuration(e.waiting.mean), detail: `waited ${formatDuration(e.waiting.mean)} on average (90% within ${formatDuration(e.waiting.p90)})` }));
    case 'processing':
      return report.elements.map((e) => ({ nodeId: e.nodeId, name: e.name, value: e.processing.count > 0 ? e.processing.mean : null, text: formatDuration(e.processing.mean), detail: `took ${formatDuration(e.processing.mean)} of work on average (90% within ${formatDuration(e.processing.p90)})` }));
    case 'sla':
      return report.slaBreaches.byElement.map((e) => ({ nodeId: e.nodeId, name: e.name, value: e.withDeadline > 0 ? e.rate : null, text: formatRate(e.rate), detail: `missed ${e.breached} of ${e.withDeadline} deadlines (${formatRate(e.rate)})` }));
  }
}

export function heatmap(report: BottleneckReport, measure: HeatmapMeasure): HeatCell[] {
  const measured = figures(report, measure).filter((f): f is typeof f & { value: number } => f.value !== null && f.value > 0);
  const max = Math.max(0, ...measured.map((f) => f.value));
  return measured.map((f) => ({
    nodeId: f.nodeId,
    value: f.value,
    level: Math.min(HEAT_LEVELS, Math.max(1, Math.ceil((f.value / max) * HEAT_LEVELS))),
    text: f.text,
    description: `${f.name}: ${f.detail}`,
  }));
}
