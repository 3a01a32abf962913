// Findings grouped into clusters a person can act on, ranked by the work they cost per month.
// Similar steps and fragments group when they share a step; repeated captures group when the same
// steps capture them. A cluster marked intended leaves the ranking but stays listed with its reason.
import { shortHash } from './repeated-fragments.ts';
import { stepCost, DEFAULT_MINUTES_PER_REPEATED_FIELD, type CostOptions } from './step-costs.ts';
import { stepKey } from './step-index.ts';
import type { Cluster, DetectorId, Finding, IntendedMark, StepRef } from './types.ts';

const MAX_EVIDENCE = 8;

function groupBySharedSteps(findings: Finding[]): Finding[][] {
  const parent = findings.map((_f, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const owner = new Map<string, number>();
  findings.forEach((finding, i) => {
    for (const ref of finding.occurrences.flat()) {
      const key = stepKey(ref);
      const other = owner.get(key);
      if (other === undefined) owner.set(key, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, Finding[]>();
  findings.forEach((finding, i) => (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(finding));
  return [...groups.values()];
}

function groupBySites(findings: Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const definition = finding.key.split(':')[1] ?? '';
    const key = `${definition}|${finding.occurrences.map((steps) => stepKey(steps[0]!)).sort().join('|')}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(finding);
  }
  return [...groups.values()];
}

const uniqueSteps = (findings: Finding[]): StepRef[] => {
  const steps = new Map<string, StepRef>();
  for (const ref of findings.flatMap((finding) => finding.occurrences.flat())) steps.set(stepKey(ref), ref);
  return [...steps.values()].sort((a, b) => (stepKey(a) < stepKey(b) ? -1 : 1));
};

/** Occurrences of fragments, merged where windows of one region overlap. */
function fragmentUnits(findings: Finding[]): StepRef[][] {
  const units: Array<Map<string, StepRef>> = [];
  for (const occurrence of findings.flatMap((finding) => finding.occurrences)) {
    const keys = occurrence.map(stepKey);
    const into = units.find((unit) => keys.some((key) => unit.has(key)));
    const target = into ?? units[units.push(new Map()) - 1]!;
    occurrence.forEach((ref, i) => target.set(keys[i]!, ref));
  }
  return units.map((unit) => [...unit.values()]);
}

interface Costed {
  hours: number;
  perMonth: number;
  basis: Cluster['costBasis'];
}

function cost(detector: DetectorId, findings: Finding[], options: CostOptions): Costed {
  const bases = new Set<'runtime' | 'defaults'>();
  const unitCost = (unit: StepRef[]): { hours: number; perMonth: number } => {
    let hours = 0;
    let perMonth = 0;
    for (const ref of unit) {
      const step = stepCost(ref, options);
      bases.add(step.basis);
      hours += (step.perMonth * step.minutes) / 60;
      perMonth = Math.max(perMonth, step.perMonth);
    }
    return { hours, perMonth };
  };
  let hours = 0;
  let perMonth = 0;
  if (detector === 'repeated-data-capture') {
    const fields = new Set(findings.flatMap((finding) => finding.fields)).size;
    const sites = findings[0]!.occurrences.map((steps) => steps[0]!);
    const minutes = options.minutesPerRepeatedField ?? DEFAULT_MINUTES_PER_REPEATED_FIELD;
    sites.slice(1).forEach((ref) => {
      const step = stepCost(ref, options);
      bases.add(options.runtimeStats?.has(stepKey(ref)) ? 'runtime' : 'defaults');
      hours += (step.perMonth * fields * minutes) / 60;
      perMonth += step.perMonth;
    });
  } else {
    const units = detector === 'similar-steps' ? uniqueSteps(findings).map((ref) => [ref]) : fragmentUnits(findings);
    const costs = units.map(unitCost);
    const dearest = Math.max(...costs.map((unit) => unit.hours));
    hours = costs.reduce((sum, unit) => sum + unit.hours, 0) - dearest;
    perMonth = costs.reduce((sum, unit) => sum + unit.perMonth, 0);
  }
  const basis = bases.size === 2 ? 'mixed' : bases.has('runtime') ? 'runtime' : 'defaults';
  return { hours: Math.round(hours * 100) / 100, perMonth: Math.round(perMonth * 100) / 100, basis };
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

function keyAndTitle(detector: DetectorId, findings: Finding[], steps: StepRef[]): { key: string; title: string } {
  const names = [...new Set(steps.map((ref) => `${ref.process} / ${ref.name}`))];
  if (detector === 'similar-steps') {
    return { key: `similar-steps:${mostCommon(findings.map((finding) => finding.signature))}`, title: `The same step done ${steps.length} times: ${names.join('; ')}` };
  }
  if (detector === 'repeated-fragments') {
    const signature = findings.map((finding) => finding.signature).sort()[0]!;
    const first = findings[0]!.occurrences[0]!;
    return { key: `repeated-fragments:${shortHash(signature)}`, title: `Repeated steps ${first.map((ref) => `"${ref.name}"`).join(' → ')} in ${findings[0]!.occurrences.length} places` };
  }
  const definition = findings[0]!.key.split(':')[1] ?? '';
  const fields = [...new Set(findings.flatMap((finding) => finding.fields))].sort();
  const joined = fields.join('+');
  const key = `repeated-data-capture:${definition}:${joined.length > 120 ? shortHash(joined) : joined}`;
  const sites = findings[0]!.occurrences.map((occurrence) => `"${occurrence[0]!.name}"`);
  const process = steps.find((ref) => ref.definitionId === definition)?.process ?? definition;
  return { key, title: `${fields.join(', ')} captured ${sites.length} times in ${process}: ${sites.join(' → ')}` };
}

export interface ClusterOptions extends CostOptions {
  intended?: readonly IntendedMark[];
}

export function clusterFindings(findings: readonly Finding[], options: ClusterOptions = {}): { clusters: Cluster[]; intended: Cluster[] } {
  const byDetector = new Map<DetectorId, Finding[]>();
  for (const finding of findings) (byDetector.get(finding.detector) ?? byDetector.set(finding.detector, []).get(finding.detector)!).push(finding);
  const all: Cluster[] = [];
  const usedKeys = new Set<string>();
  for (const [detector, group] of [...byDetector.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const groups = detector === 'repeated-data-capture' ? groupBySites(group) : groupBySharedSteps(group);
    for (const members of groups) {
      members.sort((a, b) => (a.key < b.key ? -1 : 1));
      const steps = uniqueSteps(members);
      const named = keyAndTitle(detector, members, steps);
      let key = named.key;
      for (let n = 2; usedKeys.has(key); n += 1) key = `${named.key}~${n}`;
      usedKeys.add(key);
      const costed = cost(detector, members, options);
      all.push({
        key,
        detector,
        rank: 0,
        title: named.title,
        score: Math.max(...members.map((finding) => finding.score)),
        estimatedHoursPerMonth: costed.hours,
        occurrencesPerMonth: costed.perMonth,
        costBasis: costed.basis,
        steps,
        definitions: [...new Set(steps.map((ref) => ref.definitionId))].sort(),
        findings: members.map((finding) => finding.key),
        evidence: [...new Set(members.flatMap((finding) => finding.evidence))].slice(0, MAX_EVIDENCE),
      });
    }
  }
  all.sort((a, b) => b.estimatedHoursPerMonth - a.estimatedHoursPerMonth || b.score - a.score || (a.key < b.key ? -1 : 1));
  const reasons = new Map((options.intended ?? []).map((mark) => [mark.clusterKey, mark.reason]));
  const clusters: Cluster[] = [];
  const intended: Cluster[] = [];
  for (const cluster of all) {
    const reason = reasons.get(cluster.key);
    if (reason === undefined) clusters.push({ ...cluster, rank: clusters.length + 1 });
    else intended.push({ ...cluster, intended: { reason } });
  }
  return { clusters, intended };
}
