// What is wrong with a migration plan itself, before any case is looked at: the same version twice,
// a mapping naming an element the version does not have or where no case can wait, a source mapped
// twice. Each issue names the field and the element at fault, for a 4xx the designer can act on.
import type { ProcessIR } from '../process/ir.ts';
import type { MigrationPlan } from '../contract/migration.ts';
import { indexIr } from '../engine/ir-index.ts';
import { waitKindOf } from './wait-elements.ts';

export interface PlanIssue {
  field: string;
  elementId?: string;
  message: string;
}

export function planIssues(plan: MigrationPlan, from: ProcessIR, to: ProcessIR): PlanIssue[] {
  const issues: PlanIssue[] = [];
  if (plan.fromVersion === plan.toVersion) {
    issues.push({ field: 'toVersion', message: `A migration moves cases to another version: toVersion is ${plan.toVersion}, the same as fromVersion.` });
  }
  const oldIndex = indexIr(from);
  const newIndex = indexIr(to);
  const seen = new Set<string>();
  plan.mappings.forEach((mapping, position) => {
    const source = oldIndex.node(mapping.source);
    if (!source || source.processId !== oldIndex.processId) {
      issues.push({ field: `mappings.${position}.source`, elementId: mapping.source, message: `Version ${plan.fromVersion} has no element "${mapping.source}".` });
    } else if (waitKindOf(oldIndex, source) === undefined) {
      issues.push({ field: `mappings.${position}.source`, elementId: mapping.source, message: `No case waits at ${oldIndex.label(mapping.source)} in version ${plan.fromVersion}: map only steps, events, sub-processes and joins a case can wait at.` });
    }
    if (seen.has(mapping.source)) {
      issues.push({ field: `mappings.${position}.source`, elementId: mapping.source, message: `"${mapping.source}" is mapped more than once: give each element one target.` });
    }
    seen.add(mapping.source);
    if (mapping.target === null) return;
    const target = newIndex.node(mapping.target);
    if (!target || target.processId !== newIndex.processId) {
      issues.push({ field: `mappings.${position}.target`, elementId: mapping.target, message: `Version ${plan.toVersion} has no element "${mapping.target}".` });
    } else if (waitKindOf(newIndex, target) === undefined) {
      issues.push({ field: `mappings.${position}.target`, elementId: mapping.target, message: `A case cannot wait at ${newIndex.label(mapping.target)} in version ${plan.toVersion}: choose a step, event, sub-process or join, or no target.` });
    }
  });
  return issues;
}
