// Duplication seen in the event log: the same data field entered on more than one task of a case,
// the same check completed by two teams on one case, and steps redone (rework) — with how often it
// happens and the processing time (claimed → completed) it takes per month.
import type { CaseLogEvent } from '../events/case-log-event.ts';
import { fieldKey, isGenericField } from './labels.ts';
import type { StepRuntimeStats } from './step-costs.ts';
import { describeStep, indexLibrary } from './step-index.ts';
import type { Library, RuntimeFinding, StepRef } from './types.ts';

export interface RuntimeInput {
  /** task-ready / task-claimed / task-completed (and case-started) events, in log order. */
  events: readonly CaseLogEvent[];
  /** caseId → definitionId; read from case-started events when not given. */
  caseDefinitions?: Readonly<Record<string, string>>;
}

export interface RuntimeAnalysis {
  months: number;
  stepStats: Map<string, StepRuntimeStats>;
  findings: RuntimeFinding[];
}

const DAYS_PER_MONTH = 30.44;
const MINUTE = 60_000;

interface Completion {
  caseId: string;
  nodeId: string;
  team?: string;
  at: number;
  minutes?: number;
  keys: string[];
}

interface Tally {
  definitionId: string;
  nodes: Set<string>;
  cases: Set<string>;
  occurrences: number;
  minutes: number;
  field?: string;
  evidence: string;
}

/** The same steps the library names, or a bare reference when the latest version dropped the node. */
function refResolver(library: Library): (definitionId: string, nodeId: string) => StepRef {
  const refs = new Map(indexLibrary(library).steps.map((step) => [`${step.ref.definitionId}#${step.ref.nodeId}`, step.ref]));
  return (definitionId, nodeId) => refs.get(`${definitionId}#${nodeId}`) ?? { definitionId, process: definitionId, nodeId, name: nodeId, kind: 'unknown' };
}

function completions(input: RuntimeInput): { byCase: Map<string, Completion[]>; definitionOf: Map<string, string>; months: number } {
  const definitionOf = new Map<string, string>(Object.entries(input.caseDefinitions ?? {}));
  const started = new Map<string, number>();
  const claimed = new Map<string, number>();
  const byCase = new Map<string, Completion[]>();
  let first = Infinity;
  let last = -Infinity;
  for (const event of input.events) {
    const at = Date.parse(event.at);
    if (Number.isFinite(at)) {
      first = Math.min(first, at);
      last = Math.max(last, at);
    }
    const task = `${event.caseId}/${event.taskId ?? ''}`;
    if (event.kind === 'case-started' && typeof event.data.definitionId === 'string' && !definitionOf.has(event.caseId)) definitionOf.set(event.caseId, event.data.definitionId);
    else if (event.kind === 'task-ready') started.set(task, at);
    else if (event.kind === 'task-claimed') claimed.set(task, at);
    else if (event.kind === 'task-completed' && event.nodeId) {
      const from = claimed.get(task) ?? started.get(task);
      const keys = [...new Set(Object.keys(event.data).map(fieldKey))].filter((key) => !isGenericField(key));
      const completion: Completion = { caseId: event.caseId, nodeId: event.nodeId, at, keys, ...(event.team ? { team: event.team } : {}), ...(from !== undefined ? { minutes: Math.max(0, (at - from) / MINUTE) } : {}) };
      (byCase.get(event.caseId) ?? byCase.set(event.caseId, []).get(event.caseId)!).push(completion);
    }
  }
  // A log shorter than a month is reported as one month, so a day's data is not multiplied by 30.
  const spanDays = Number.isFinite(first) ? (last - first) / (24 * 60 * MINUTE) : 0;
  return { byCase, definitionOf, months: Math.max(spanDays, DAYS_PER_MONTH) / DAYS_PER_MONTH };
}

function tally(tallies: Map<string, Tally>, key: string, seed: Omit<Tally, 'nodes' | 'cases' | 'occurrences' | 'minutes'>): Tally {
  let found = tallies.get(key);
  if (!found) tallies.set(key, (found = { ...seed, nodes: new Set(), cases: new Set(), occurrences: 0, minutes: 0 }));
  return found;
}

/** Runtime findings and per-step statistics. `similarPairs` are the static similar-step pairs. */
export function analyseRuntime(library: Library, input: RuntimeInput, similarPairs: ReadonlyArray<readonly [StepRef, StepRef]> = []): RuntimeAnalysis {
  const { byCase, definitionOf, months } = completions(input);
  const refOf = refResolver(library);
  const stats = new Map<string, { completions: number; minutes: number; timed: number }>();
  const tallies = new Map<string, Tally>();
  const similarByNode = new Map<string, Array<readonly [StepRef, StepRef]>>();
  for (const pair of similarPairs) {
    if (pair[0].definitionId !== pair[1].definitionId) continue;
    for (const ref of pair) (similarByNode.get(`${ref.definitionId}#${ref.nodeId}`) ?? similarByNode.set(`${ref.definitionId}#${ref.nodeId}`, []).get(`${ref.definitionId}#${ref.nodeId}`)!).push(pair);
  }
  for (const [caseId, done] of byCase) {
    const definitionId = definitionOf.get(caseId);
    if (!definitionId) continue;
    done.sort((a, b) => a.at - b.at);
    const capturedAt = new Map<string, string>();
    const completedNodes = new Map<string, Completion>();
    for (const completion of done) {
      const stepKey = `${definitionId}#${completion.nodeId}`;
      const stat = stats.get(stepKey) ?? { completions: 0, minutes: 0, timed: 0 };
      stat.completions += 1;
      if (completion.minutes !== undefined) {
        stat.minutes += completion.minutes;
        stat.timed += 1;
      }
      stats.set(stepKey, stat);
      const minutes = completion.minutes ?? 0;
      const previous = completedNodes.get(completion.nodeId);
      if (previous) {
        const rework = tally(tallies, `runtime:rework:${definitionId}:${completion.nodeId}`, { definitionId, evidence: 'Completed again on the same case (rework).' });
        rework.nodes.add(completion.nodeId);
        rework.cases.add(caseId);
        rework.occurrences += 1;
        rework.minutes += minutes;
      }
      for (const key of completion.keys) {
        const firstNode = capturedAt.get(key);
        if (firstNode === undefined) capturedAt.set(key, completion.nodeId);
        else if (firstNode !== completion.nodeId) {
          const repeated = tally(tallies, `runtime:repeated-field:${definitionId}:${key}`, { definitionId, field: key, evidence: `The field ${key} was entered again on the same case at a later task.` });
          repeated.nodes.add(firstNode).add(completion.nodeId);
          repeated.cases.add(caseId);
          repeated.occurrences += 1;
          repeated.minutes += minutes / Math.max(1, completion.keys.length);
        }
      }
      // A repeat of the same node is rework, counted above; only its first completion is compared.
      for (const pair of previous ? [] : (similarByNode.get(stepKey) ?? [])) {
        const other = pair[0].nodeId === completion.nodeId ? pair[1] : pair[0];
        const earlier = completedNodes.get(other.nodeId);
        if (!earlier || earlier.team === completion.team) continue;
        const [a, b] = [pair[0].nodeId, pair[1].nodeId].sort();
        const same = tally(tallies, `runtime:same-check:${definitionId}:${a}|${b}`, { definitionId, evidence: `The same check was completed by ${earlier.team ?? 'one team'} and again by ${completion.team ?? 'another team'} on one case.` });
        same.nodes.add(a!).add(b!);
        same.cases.add(caseId);
        same.occurrences += 1;
        same.minutes += minutes;
      }
      if (!previous) completedNodes.set(completion.nodeId, completion);
    }
  }
  const stepStats = new Map<string, StepRuntimeStats>();
  for (const [key, stat] of stats) {
    stepStats.set(key, { completions: stat.completions, completionsPerMonth: stat.completions / months, ...(stat.timed > 0 ? { meanMinutes: stat.minutes / stat.timed } : {}) });
  }
  const findings: RuntimeFinding[] = [...tallies.entries()].map(([key, found]) => {
    const steps = [...found.nodes].sort().map((nodeId) => refOf(found.definitionId, nodeId));
    const kind = key.startsWith('runtime:rework') ? 'rework' : key.startsWith('runtime:repeated-field') ? 'repeated-field' : 'same-check-different-teams';
    return {
      kind,
      key,
      definitionId: found.definitionId,
      steps,
      ...(found.field ? { field: found.field } : {}),
      cases: found.cases.size,
      occurrences: found.occurrences,
      occurrencesPerMonth: round(found.occurrences / months),
      hoursPerMonth: round(found.minutes / 60 / months),
      evidence: [found.evidence, `Steps: ${steps.map(describeStep).join(', ')}; on ${found.cases.size} case(s), ${found.occurrences} time(s).`],
    };
  });
  findings.sort((a, b) => b.hoursPerMonth - a.hoursPerMonth || b.occurrences - a.occurrences || (a.key < b.key ? -1 : 1));
  return { months, stepStats, findings };
}

const round = (value: number): number => Math.round(value * 100) / 100;
