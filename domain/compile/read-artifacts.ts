// Elements kept for mapping only: data objects and stores, annotations, groups, associations,
// data associations, message flows, participants without a process, conversations, choreographies.
import type { Artifact } from '../process/ir.ts';
import { type Element, child, children, isElement, localType, raw, refId, text } from './moddle-access.ts';

const firstId = (value: unknown): string | undefined => {
  const first = Array.isArray(value) ? value.find(isElement) : isElement(value) ? value : undefined;
  return first && typeof first.id === 'string' ? first.id : undefined;
};

function nameOf(element: Element): string | undefined {
  if (element.$type === 'bpmn:TextAnnotation') return text(element, 'text');
  if (element.$type === 'bpmn:Group') {
    const category = child(element, 'categoryValueRef');
    return category && text(category, 'value');
  }
  return text(element, 'name');
}

/** An artifact for `element`, or undefined when it has no id to map it by. */
export function toArtifact(element: Element, processId: string | undefined): Artifact | undefined {
  if (typeof element.id !== 'string') return undefined;
  const name = nameOf(element);
  const source = firstId(raw(element, 'sourceRef'));
  const target = firstId(raw(element, 'targetRef'));
  return {
    id: element.id,
    type: localType(element.$type),
    ...(name ? { name } : {}),
    ...(processId ? { processId } : {}),
    ...(source ? { source } : {}),
    ...(target ? { target } : {}),
  };
}

/** The data input and output associations of an activity, as artifacts linking data and step. */
export function dataAssociations(activity: Element, processId: string): Artifact[] {
  const artifacts: Artifact[] = [];
  const activityId = activity.id;
  for (const association of children(activity, 'dataInputAssociations')) {
    const source = firstId(raw(association, 'sourceRef'));
    if (typeof association.id !== 'string') continue;
    artifacts.push({
      id: association.id, type: 'dataInputAssociation', processId,
      ...(source ? { source } : {}), ...(activityId ? { target: activityId } : {}),
    });
  }
  for (const association of children(activity, 'dataOutputAssociations')) {
    const target = refId(association, 'targetRef');
    if (typeof association.id !== 'string') continue;
    artifacts.push({
      id: association.id, type: 'dataOutputAssociation', processId,
      ...(activityId ? { source: activityId } : {}), ...(target ? { target } : {}),
    });
  }
  return artifacts;
}
