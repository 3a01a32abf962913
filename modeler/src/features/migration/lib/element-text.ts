// Elements and the migration's codes in a designer's words: a step by its name and kind, never by a
// bare id unless it has no name; why a mapping was proposed; why a case cannot migrate.
import type { MappableElement, MappingReason, MigrationRefusal, MigrationRefusalCode } from '../../../../../domain/contract/migration.ts';

/** `userTask` or `bpmn:UserTask` → `User task`. */
export function kindText(type: string): string {
  const words = type
    .replace(/^[a-z]+:/i, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** “Assess” (User task), or the id when the element has no name. */
export function elementText(element: MappableElement | undefined, id: string): string {
  if (!element) return id;
  const name = element.name ? `“${element.name}”` : id;
  return element.type ? `${name} (${kindText(element.type)})` : name;
}

export const REASON_TEXT: Record<MappingReason, string> = {
  'same-id': 'Same id',
  'same-name-and-type': 'Same name and kind',
  none: 'No match found',
  edited: 'Edited',
};

const REFUSAL_TEXT: Record<MigrationRefusalCode, string> = {
  'no-target': 'The step it waits at has no target in the new version',
  'unknown-target': 'The target is not a step of the new version a case can wait at',
  'join-would-deadlock': 'A parallel join of the new version could never complete',
  'missing-form-data': 'The case lacks data a task of the new version requires',
  'not-running': 'The case has ended or is not on the old version',
  'inside-changed-scope': 'A token would move into or out of a different sub-process',
  'not-supported': 'The case is in a state migration does not move yet',
};

/**
 * One refusal as a sentence: what is wrong, the element (of the old version for `no-target`, of the
 * new one otherwise) and field at fault, then the server's own words.
 */
export function refusalText(refusal: MigrationRefusal, sources: ReadonlyMap<string, MappableElement>, targets: ReadonlyMap<string, MappableElement>): string {
  const parts = [REFUSAL_TEXT[refusal.code]];
  if (refusal.elementId) {
    const elements = refusal.code === 'no-target' ? sources : targets;
    parts.push(`at ${elementText(elements.get(refusal.elementId), refusal.elementId)}`);
  }
  if (refusal.field) parts.push(`(field “${refusal.field}”)`);
  const text = `${parts.join(' ')}.`;
  return refusal.message && refusal.message !== text ? `${text} ${refusal.message}` : text;
}
