// The duplication report's shapes: steps, findings, clusters, runtime findings, intended marks.
// Every type comes from its zod schema so the API can validate and document what it sends.
import { z } from 'zod';
import type { ProcessIR } from '../process/ir.ts';

/** One model of the library: a definition's latest IR. */
export interface LibraryEntry {
  definitionId: string;
  name: string;
  ir: ProcessIR;
}
export type Library = readonly LibraryEntry[];

/** Where a step lives, in words a designer recognises. */
export const StepRef = z.object({
  definitionId: z.string(),
  process: z.string(),
  nodeId: z.string(),
  name: z.string(),
  kind: z.string(),
  team: z.string().optional(),
  laneId: z.string().optional(),
});
export type StepRef = z.infer<typeof StepRef>;

export const DetectorId = z.enum(['similar-steps', 'repeated-fragments', 'repeated-data-capture']);
export type DetectorId = z.infer<typeof DetectorId>;

export const Finding = z.object({
  detector: DetectorId,
  /** similar-step, exact-clone, approximate-clone or repeated-capture. */
  kind: z.enum(['similar-step', 'exact-clone', 'approximate-clone', 'repeated-capture']),
  /** Stable id of this finding (detector + the steps involved). */
  key: z.string(),
  /** How alike the occurrences are, 0..1. */
  score: z.number(),
  /** Each occurrence is one step, or the steps of one fragment, or one capturing step. */
  occurrences: z.array(z.array(StepRef)),
  /** Canonical data fields involved (repeated capture, shared form fields). */
  fields: z.array(z.string()).default([]),
  /** Canonical form of the repeated thing (label signature, fragment string, field key). */
  signature: z.string(),
  evidence: z.array(z.string()),
});
export type Finding = z.infer<typeof Finding>;

export const IntendedMark = z.object({
  clusterKey: z.string().min(1).max(500),
  reason: z.string().min(1).max(2000),
});
export type IntendedMark = z.infer<typeof IntendedMark>;

export const Cluster = z.object({
  key: z.string(),
  detector: DetectorId,
  rank: z.number().int(),
  title: z.string(),
  score: z.number(),
  /** Avoidable work: every occurrence but the dearest one, per month. */
  estimatedHoursPerMonth: z.number(),
  /** How often the duplicated work happens per month, all occurrences together. */
  occurrencesPerMonth: z.number(),
  /** Where the per-step figures came from. */
  costBasis: z.enum(['runtime', 'defaults', 'mixed']),
  steps: z.array(StepRef),
  definitions: z.array(z.string()),
  findings: z.array(z.string()),
  evidence: z.array(z.string()),
  intended: z.object({ reason: z.string() }).optional(),
});
export type Cluster = z.infer<typeof Cluster>;

export const RuntimeFinding = z.object({
  kind: z.enum(['repeated-field', 'same-check-different-teams', 'rework']),
  key: z.string(),
  definitionId: z.string(),
  steps: z.array(StepRef),
  field: z.string().optional(),
  /** Cases on which it happened, and how many redundant step completions in all. */
  cases: z.number().int(),
  occurrences: z.number().int(),
  occurrencesPerMonth: z.number(),
  /** Processing time (claimed → completed) of the redundant completions, per month. */
  hoursPerMonth: z.number(),
  evidence: z.array(z.string()),
});
export type RuntimeFinding = z.infer<typeof RuntimeFinding>;

export const DuplicationReport = z.object({
  models: z.number().int(),
  steps: z.number().int(),
  findings: z.array(Finding),
  clusters: z.array(Cluster),
  /** Clusters marked intended: kept out of the ranking, still listed with their reason. */
  intended: z.array(Cluster),
  runtime: z.array(RuntimeFinding),
  /** Months of event log the runtime figures cover (0 without runtime data). */
  runtimeMonths: z.number(),
});
export type DuplicationReport = z.infer<typeof DuplicationReport>;

/** Thresholds the detectors share; every one has a default in analyse-library.ts. */
export interface DetectorOptions {
  similarStepThreshold?: number;
  approximateCloneThreshold?: number;
  maxFragmentSize?: number;
}

/** bpmnlint-style detector: reports, never throws. */
export interface Detector {
  id: DetectorId;
  description: string;
  detect(library: Library, report: (finding: Finding) => void, options?: DetectorOptions): void;
}
