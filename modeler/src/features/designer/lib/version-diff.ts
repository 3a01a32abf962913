// What changed between two versions of a diagram, for the Designer's visual diff: bpmn-js-differ
// finds the elements added, removed, changed and moved; each change is described for a designer
// (step name, what was before, what is now). Values are read from both models by property name
// rather than from the differ's own old/new pair, whose order is not part of its documented API.
import { diff } from 'bpmn-js-differ';
import type { ModdleElement } from 'bpmn-moddle';
import { sharedModdle } from '../../../../../domain/process/moddle.ts';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

export interface DiagramChange {
  readonly kind: ChangeKind;
  readonly elementId: string;
  /** `User Task`, `Sequence Flow`, … */
  readonly type: string;
  readonly name: string | undefined;
  /** One line per changed property: `SLA: P5D → P7D`. */
  readonly details: readonly string[];
}

const KIND_ORDER: Record<ChangeKind, number> = { added: 0, removed: 1, changed: 2, moved: 3 };
const PROPERTY_LABELS: Record<string, string> = { sla: 'SLA', handoffSla: 'Handoff SLA', team: 'Team', calendar: 'Calendar', name: 'Name', conditionExpression: 'Condition' };

const typeLabel = (element: ModdleElement) => element.$type.replace(/^[a-z]+:/, '').replace(/([a-z])([A-Z])/g, '$1 $2');

function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(none)';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  const body = (value as { body?: unknown }).body;
  return typeof body === 'string' ? JSON.stringify(body) : 'a new value';
}

/** A stable text of an element's extension data (form fields, KPI tags …), to compare across versions. */
function extensionText(element: ModdleElement | undefined): string {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!value || typeof value !== 'object') return value;
    const entries = Object.entries(value).filter(([key]) => key !== '$parent' && key !== '$descriptor' && key !== '$model');
    return Object.fromEntries(entries.map(([key, inner]) => [key, walk(inner)]));
  };
  return JSON.stringify(walk(element?.get('extensionElements') ?? null));
}

async function parse(xml: string): Promise<{ root: ModdleElement; byId: Record<string, ModdleElement> }> {
  const result = await sharedModdle().fromXML(xml);
  return { root: result.rootElement, byId: result.elementsById };
}

export async function diffVersions(oldXml: string, newXml: string): Promise<DiagramChange[]> {
  const [before, after] = await Promise.all([parse(oldXml), parse(newXml)]);
  const found = diff(before.root, after.root);
  const changes = new Map<string, DiagramChange>();
  const describe = (kind: ChangeKind, elementId: string, element: ModdleElement, details: string[] = []) =>
    changes.set(elementId, { kind, elementId, type: typeLabel(element), name: element.name || undefined, details });

  for (const [id, element] of Object.entries(found._added)) describe('added', id, element);
  for (const [id, element] of Object.entries(found._removed)) describe('removed', id, element);
  for (const [id, { model, attrs }] of Object.entries(found._changed)) {
    const details = Object.keys(attrs).map((property) => `${PROPERTY_LABELS[property] ?? property}: ${shown(before.byId[id]?.get(property))} → ${shown(after.byId[id]?.get(property))}`);
    describe('changed', id, after.byId[id] ?? model, details);
  }
  // The differ does not look inside extension elements, where casework keeps a step's form.
  for (const [id, element] of Object.entries(after.byId)) {
    if (changes.has(id) && changes.get(id)!.kind !== 'changed') continue;
    if (!before.byId[id] || extensionText(before.byId[id]) === extensionText(element)) continue;
    const previous = changes.get(id);
    describe('changed', id, element, [...(previous?.details ?? []), 'Form fields or other casework details changed']);
  }
  for (const [id, element] of Object.entries(found._layoutChanged)) if (!changes.has(id)) describe('moved', id, after.byId[id] ?? element);

  return [...changes.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.elementId.localeCompare(b.elementId));
}
