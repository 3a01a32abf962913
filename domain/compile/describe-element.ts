// How diagnostics name an element to a designer: its kind in words, its name and its id.
import { type Element, localType, text } from './moddle-access.ts';

const MAX_SHOWN = 80;

const shorten = (value: string) => (value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value);

/** `bpmn:BoundaryEvent` → `boundary event`. */
export const kindInWords = (type: string): string =>
  localType(type)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/^ad hoc/, 'ad-hoc')
    .replace(/sub process$/, 'sub-process');

/** `the user task "Check papers" (Task_1)`, or `the user task Task_1` when it has no name. */
export function describe(element: Element): string {
  const kind = kindInWords(element.$type);
  const id = typeof element.id === 'string' ? shorten(element.id) : undefined;
  const name = text(element, 'name');
  if (name && id) return `the ${kind} "${shorten(name)}" (${id})`;
  if (name) return `the ${kind} "${shorten(name)}"`;
  return id ? `the ${kind} ${id}` : `a ${kind} without an id`;
}

export const quoted = (value: string): string => `"${shorten(value)}"`;

/** Capitalises the first letter, for a description that starts a sentence. */
export const sentence = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);
