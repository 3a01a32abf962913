// Typed, defensive access to parsed moddle elements: attributes from any namespace, extension
// elements by type, and comma lists, so readers never trust the shape of a hostile file.
import type { ModdleElement } from 'bpmn-moddle';

export type Element = ModdleElement;

export const isElement = (value: unknown): value is Element =>
  typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';

/** A string property (`name`, `camunda:assignee`, `casework:team`…), trimmed; undefined when blank. */
export function text(element: Element, property: string): string | undefined {
  let value: unknown;
  try {
    value = element.get(property);
  } catch {
    return undefined;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function raw(element: Element, property: string): unknown {
  try {
    return element.get(property);
  } catch {
    return undefined;
  }
}

export const elements = (value: unknown): Element[] =>
  Array.isArray(value) ? value.filter(isElement) : [];

export const children = (element: Element, property: string): Element[] =>
  elements(raw(element, property));

export function child(element: Element, property: string): Element | undefined {
  const value = raw(element, property);
  return isElement(value) ? value : undefined;
}

/** The id of a referenced element, or undefined when the reference is absent or dangling. */
export const refId = (element: Element, property: string): string | undefined => {
  const target = child(element, property);
  return target && typeof target.id === 'string' ? target.id : undefined;
};

/** Extension elements of one type, e.g. `casework:Form` or `zeebe:TaskDefinition`. */
export function extensions(element: Element, type: string): Element[] {
  const container = child(element, 'extensionElements');
  if (!container) return [];
  return children(container, 'values').filter((value) => value.$type === type);
}

export const extension = (element: Element, type: string): Element | undefined =>
  extensions(element, type)[0];

/** Splits `a, b ,c` into `['a','b','c']`, dropping blanks. */
export const commaList = (value: string | undefined): string[] =>
  value === undefined ? [] : value.split(',').map((item) => item.trim()).filter((item) => item !== '');

/** The body of a FormalExpression (`conditionExpression`, `timeDuration`…), trimmed. */
export function expressionBody(element: Element, property: string): { body?: string; language?: string } | undefined {
  const expression = child(element, property);
  if (!expression) return undefined;
  return { body: text(expression, 'body'), language: text(expression, 'language') };
}

/** `bpmn:UserTask` → `userTask`. */
export const localType = (type: string): string => {
  const local = type.includes(':') ? type.slice(type.indexOf(':') + 1) : type;
  return local.charAt(0).toLowerCase() + local.slice(1);
};
