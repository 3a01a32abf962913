// One pass over the library that every detector shares: each step with its label terms, canonical
// data fields, team and kind, and each model's flow adjacency. Memoised per library array.
import type { Node, NodeKind } from '../process/ir.ts';
import { fieldKey, isGenericField, labelTerms, type LabelTerms } from './labels.ts';
import type { Library, LibraryEntry, StepRef } from './types.ts';

const TASK_KINDS: ReadonlySet<NodeKind> = new Set(['task', 'userTask', 'serviceTask', 'receiveTask', 'sendTask', 'manualTask', 'scriptTask', 'businessRuleTask']);

/** Kinds of step compared with each other: people's work, automated work, messages. */
export function stepCategory(kind: NodeKind): 'human' | 'automated' | 'message' | 'call' {
  if (kind === 'serviceTask' || kind === 'scriptTask' || kind === 'businessRuleTask') return 'automated';
  if (kind === 'sendTask' || kind === 'receiveTask') return 'message';
  if (kind === 'callActivity') return 'call';
  return 'human';
}

export const isTask = (kind: NodeKind): boolean => TASK_KINDS.has(kind);
/** Steps that can sit in a fragment: tasks and call activities. */
export const isFragmentStep = (kind: NodeKind): boolean => TASK_KINDS.has(kind) || kind === 'callActivity';

export interface IndexedStep {
  /** Position in LibraryIndex.steps. */
  id: number;
  model: number;
  node: Node;
  ref: StepRef;
  terms: LabelTerms;
  /** Canonical keys of the data the step captures (form fields and captures), generic ones left out. */
  fields: string[];
  /** A field key → the name the designer wrote, for evidence. */
  fieldNames: Map<string, string>;
  category: ReturnType<typeof stepCategory>;
  /** Team and lane of the step, kept flat so hot loops compare plain strings. */
  teamLane: string;
}

export interface ModelIndex {
  index: number;
  entry: LibraryEntry;
  nodeById: Map<string, Node>;
  outgoing: Map<string, string[]>;
  incoming: Map<string, string[]>;
  /** Steps (tasks and call activities) by node id. */
  stepByNode: Map<string, IndexedStep>;
}

export interface LibraryIndex {
  models: ModelIndex[];
  /** Every task and call activity of every model. */
  steps: IndexedStep[];
  /** A model by its definition id or by the id of any process it holds (for call activities). */
  modelByCallable: Map<string, ModelIndex>;
}

export const stepKey = (ref: Pick<StepRef, 'definitionId' | 'nodeId'>): string => `${ref.definitionId}#${ref.nodeId}`;

const cache = new WeakMap<Library, LibraryIndex>();

export function indexLibrary(library: Library): LibraryIndex {
  const cached = cache.get(library);
  if (cached) return cached;
  const termsCache = new Map<string, LabelTerms>();
  const keyCache = new Map<string, string>();
  const terms = (label: string): LabelTerms => {
    let found = termsCache.get(label);
    if (!found) termsCache.set(label, (found = labelTerms(label)));
    return found;
  };
  const keyOf = (name: string): string => {
    let found = keyCache.get(name);
    if (found === undefined) keyCache.set(name, (found = fieldKey(name)));
    return found;
  };
  const models: ModelIndex[] = [];
  const steps: IndexedStep[] = [];
  const modelByCallable = new Map<string, ModelIndex>();
  library.forEach((entry, index) => {
    const { ir } = entry;
    const nodeById = new Map(ir.nodes.map((node) => [node.id, node]));
    const outgoing = new Map<string, string[]>();
    const incoming = new Map<string, string[]>();
    for (const flow of ir.flows) {
      (outgoing.get(flow.source) ?? outgoing.set(flow.source, []).get(flow.source)!).push(flow.target);
      (incoming.get(flow.target) ?? incoming.set(flow.target, []).get(flow.target)!).push(flow.source);
    }
    const laneTeam = new Map(ir.lanes.map((lane) => [lane.id, lane.team]));
    const model: ModelIndex = { index, entry, nodeById, outgoing, incoming, stepByNode: new Map() };
    for (const node of ir.nodes) {
      if (!isFragmentStep(node.kind)) continue;
      const team = node.owner?.team ?? (node.laneId ? laneTeam.get(node.laneId) : undefined);
      const fieldNames = new Map<string, string>();
      for (const name of [...node.form.map((field) => field.name), ...node.captures]) {
        const key = keyOf(name);
        if (!isGenericField(key) && !fieldNames.has(key)) fieldNames.set(key, name);
      }
      const step: IndexedStep = {
        id: steps.length,
        model: index,
        node,
        ref: {
          definitionId: entry.definitionId,
          process: entry.name,
          nodeId: node.id,
          name: node.name ?? node.id,
          kind: node.kind,
          ...(team ? { team } : {}),
          ...(node.laneId ? { laneId: node.laneId } : {}),
        },
        terms: terms(node.name ?? ''),
        fields: [...fieldNames.keys()].sort(),
        fieldNames,
        category: stepCategory(node.kind),
        teamLane: `${team ?? ''}\u0000${node.laneId ?? ''}`,
      };
      steps.push(step);
      model.stepByNode.set(node.id, step);
    }
    models.push(model);
    if (!modelByCallable.has(entry.definitionId)) modelByCallable.set(entry.definitionId, model);
    for (const process of ir.processes) if (!modelByCallable.has(process.id)) modelByCallable.set(process.id, model);
  });
  const index: LibraryIndex = { models, steps, modelByCallable };
  cache.set(library, index);
  return index;
}

/** "Check nationality" (FNO returns casework, prison-casework) — how evidence names a step. */
export function describeStep(ref: StepRef): string {
  return `"${ref.name}" (${ref.process}${ref.team ? `, ${ref.team}` : ''})`;
}
