// The one entry point: every static detector over the library, runtime findings from the event
// log when given, findings grouped into ranked clusters, intended clusters set aside.
import { clusterFindings } from './clusters.ts';
import repeatedDataCapture from './repeated-data-capture.ts';
import repeatedFragments from './repeated-fragments.ts';
import { analyseRuntime, type RuntimeInput } from './runtime-duplication.ts';
import similarSteps from './similar-steps.ts';
import type { CostOptions } from './step-costs.ts';
import { indexLibrary } from './step-index.ts';
import type { Detector, DetectorId, DetectorOptions, DuplicationReport, Finding, IntendedMark, Library, StepRef } from './types.ts';

export const detectors: readonly Detector[] = [similarSteps, repeatedFragments, repeatedDataCapture];

export interface DuplicationOptions extends DetectorOptions, Omit<CostOptions, 'runtimeStats'> {
  /** Run only these detectors (default: all). */
  detectors?: readonly DetectorId[];
  intended?: readonly IntendedMark[];
  runtime?: RuntimeInput;
}

export function findDuplication(library: Library, options: DuplicationOptions = {}): DuplicationReport {
  const findings: Finding[] = [];
  for (const detector of detectors) {
    if (options.detectors && !options.detectors.includes(detector.id)) continue;
    detector.detect(library, (finding) => findings.push(finding), options);
  }
  const similarPairs = findings
    .filter((finding) => finding.kind === 'similar-step')
    .map((finding) => [finding.occurrences[0]![0]!, finding.occurrences[1]![0]!] as const satisfies readonly [StepRef, StepRef]);
  const runtime = options.runtime ? analyseRuntime(library, options.runtime, similarPairs) : undefined;
  const { clusters, intended } = clusterFindings(findings, { ...options, ...(runtime ? { runtimeStats: runtime.stepStats } : {}) });
  return {
    models: library.length,
    steps: indexLibrary(library).steps.length,
    findings,
    clusters,
    intended,
    runtime: runtime?.findings ?? [],
    runtimeMonths: runtime ? Math.round(runtime.months * 100) / 100 : 0,
  };
}
