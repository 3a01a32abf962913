// Whether a DMN typeRef names one value or a collection, from FEEL's built-in types and the file's
// item definitions, so results can be converted as DMN 1.3 §10.3.2.9.4 says (see decision-ir.ts).
import type { DmnElement } from 'dmn-moddle';
import type { Shape } from './decision-ir.ts';

export type ShapeOf = (typeRef: unknown) => Shape | undefined;

const SINGLE_VALUED = new Set([
  'string',
  'number',
  'boolean',
  'date',
  'time',
  'date and time',
  'dateTime',
  'duration',
  'days and time duration',
  'years and months duration',
  'dayTimeDuration',
  'yearMonthDuration',
  'context',
]);

/** A reader over one file's item definitions; `Any`, unknown names and loops give no shape. */
export function shapeReader(itemDefinitions: readonly DmnElement[]): ShapeOf {
  const byName = new Map(itemDefinitions.flatMap((item) => (typeof item.name === 'string' ? [[item.name, item] as const] : [])));
  const shapeOf = (typeRef: unknown, seen: ReadonlySet<string>): Shape | undefined => {
    if (typeof typeRef !== 'string') return undefined;
    // DMN 1.1 files prefix the built-in types (`feel:string`)
    const name = typeRef.trim().replace(/^feel:/, '');
    const item = byName.get(name);
    if (!item) return SINGLE_VALUED.has(name) ? 'value' : undefined;
    if (item.isCollection === true) return 'collection';
    // a structure of components is one value; an item definition that renames a type is that type
    if (Array.isArray(item.itemComponent) && item.itemComponent.length > 0) return 'value';
    if (seen.has(name)) return undefined;
    return shapeOf(item.typeRef, new Set([...seen, name]));
  };
  return (typeRef) => shapeOf(typeRef, new Set());
}

/** `value` converted to `shape`: a one-item list to its item, or a single value to a one-item list. */
export function conformTo(value: unknown, shape: Shape | undefined): unknown {
  if (shape === 'value' && Array.isArray(value) && value.length === 1) return value[0];
  if (shape === 'collection' && value !== null && value !== undefined && !Array.isArray(value)) return [value];
  return value;
}
