// For the Designer: per element of one definition, the clusters it belongs to and where else the
// same work is done ("also done in: Removals logistics / Assess removal risk").
import { stepKey } from './step-index.ts';
import type { Cluster, DuplicationReport, StepRef } from './types.ts';

export interface ElementOverlay {
  clusterKey: string;
  detector: Cluster['detector'];
  score: number;
  estimatedHoursPerMonth: number;
  intended?: { reason: string };
  alsoIn: Array<Pick<StepRef, 'definitionId' | 'process' | 'nodeId' | 'name'>>;
  text: string;
}

export function overlaysForDefinition(report: DuplicationReport, definitionId: string): Record<string, ElementOverlay[]> {
  const elements: Record<string, ElementOverlay[]> = {};
  for (const cluster of [...report.clusters, ...report.intended]) {
    for (const step of cluster.steps) {
      if (step.definitionId !== definitionId) continue;
      const others = cluster.steps.filter((other) => stepKey(other) !== stepKey(step));
      if (others.length === 0) continue;
      (elements[step.nodeId] ??= []).push({
        clusterKey: cluster.key,
        detector: cluster.detector,
        score: cluster.score,
        estimatedHoursPerMonth: cluster.estimatedHoursPerMonth,
        ...(cluster.intended ? { intended: cluster.intended } : {}),
        alsoIn: others.map(({ definitionId: id, process, nodeId, name }) => ({ definitionId: id, process, nodeId, name })),
        text: `Also done in: ${others.map((other) => `${other.process} / ${other.name}`).join('; ')}`,
      });
    }
  }
  return elements;
}
