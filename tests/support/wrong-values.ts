// Requests wrong in exactly one field: from a zod object schema (through its JSON Schema), a valid
// value for every field and, for each declared field in turn, wrong values for that field alone (of
// a wrong type, out of range, too long, not matching, missing), so a refusal must name that field.
import fc from 'fast-check';
import { z } from 'zod';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/** Where the values travel: a JSON body carries any JSON; a query or a path carries strings only. */
export type Part = 'body' | 'query' | 'params';

export const MISSING = Symbol('missing');

export interface WrongField {
  field: string;
  /** Why the value is wrong, for the failure message: `type`, `too-long`, `pattern`, `missing`, … */
  kind: string;
  value: unknown;
}

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

function typesOf(schema: JsonSchema): Set<string> {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return new Set(branches.flatMap((branch) => [...typesOf(branch)]));
  if (schema.const !== undefined) return new Set([schema.const === null ? 'null' : typeof schema.const]);
  if (schema.enum) return new Set(schema.enum.map((value) => (value === null ? 'null' : typeof value)));
  if (schema.type === undefined) return new Set(['string', 'number', 'integer', 'boolean', 'null', 'array', 'object']);
  const types = new Set(Array.isArray(schema.type) ? schema.type : [schema.type]);
  if (types.has('integer')) types.add('number');
  return types;
}

/** Values that should satisfy `schema`; the caller keeps only those the zod schema accepts. */
function validArbitrary(schema: JsonSchema, part: Part): fc.Arbitrary<unknown> {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((branch) => validArbitrary(branch, part)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const number = (integer: boolean) => {
    const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 0.001) : -1000);
    const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 0.001) : Math.max(min, 0) + 1000);
    const arbitrary = integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, Math.ceil(min) + 1000)) }) : fc.double({ min, max: Math.min(max, min + 1000), noNaN: true, noDefaultInfinity: true });
    return part === 'body' ? arbitrary : arbitrary.map(String);
  };
  switch (type) {
    case 'integer':
      return number(true);
    case 'number':
      return number(false);
    case 'boolean':
      return part === 'body' ? fc.boolean() : fc.constantFrom('true', 'false');
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validArbitrary(schema.items ?? {}, part), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, (schema.minItems ?? 0) + 3) });
    case 'object': {
      if (schema.properties) {
        const entries = Object.fromEntries(Object.entries(schema.properties).map(([key, child]) => [key, validArbitrary(child, part)]));
        return fc.record(entries, { requiredKeys: schema.required ?? [] });
      }
      return fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean()), { maxKeys: 3 });
    }
    case 'string':
    default: {
      const minLength = schema.minLength ?? 0;
      const maxLength = schema.maxLength ?? Math.max(minLength, 20);
      if (schema.format === 'date-time') return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString());
      if (schema.format === 'date') return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
      if (schema.format === 'email') return fc.emailAddress();
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((text) => text.length >= minLength && text.length <= maxLength);
      return fc.string({ unit: 'grapheme-ascii', minLength: Math.max(minLength, 1), maxLength: Math.min(maxLength, Math.max(minLength, 1) + 20) });
    }
  }
}

/** A JSON value of each type the field does not take (a query or path can only be wrong as text or as a repeated key). */
function wrongTypes(schema: JsonSchema, part: Part): WrongField['value'][] {
  const allowed = typesOf(schema);
  if (part !== 'body') {
    const values: unknown[] = [];
    if (allowed.has('number') && !allowed.has('string')) values.push('not-a-number');
    if (allowed.has('boolean') && !allowed.has('string')) values.push('maybe');
    if (!allowed.has('array') && part === 'query') values.push(['repeated', 'key']);
    return values;
  }
  const samples: Record<string, unknown> = { string: 'text', number: 12.5, boolean: true, null: null, array: [1], object: { nested: 1 } };
  return Object.entries(samples)
    .filter(([type]) => !allowed.has(type))
    .map(([, value]) => value);
}

/** Wrong values of the right type: out of range, too long or short, not matching, not one of. */
function wrongValuesOfType(schema: JsonSchema, part: Part): { kind: string; value: unknown }[] {
  const text = (value: number) => (part === 'body' ? value : String(value));
  const wrong: { kind: string; value: unknown }[] = [];
  for (const branch of schema.anyOf ?? schema.oneOf ?? [schema]) {
    if (branch.enum) wrong.push({ kind: 'not-one-of', value: 'not-one-of-these' });
    if (branch.maxLength !== undefined) wrong.push({ kind: 'too-long', value: 'a'.repeat(branch.maxLength + 1) });
    if (branch.minLength !== undefined && branch.minLength > 0) wrong.push({ kind: 'too-short', value: 'a'.repeat(branch.minLength - 1) });
    if (branch.pattern || branch.format) wrong.push({ kind: 'pattern', value: '~ not (valid) ~' });
    if (branch.minimum !== undefined) wrong.push({ kind: 'below-minimum', value: text(branch.minimum - 1) });
    if (branch.exclusiveMinimum !== undefined) wrong.push({ kind: 'below-minimum', value: text(branch.exclusiveMinimum) });
    if (branch.maximum !== undefined) wrong.push({ kind: 'above-maximum', value: text(branch.maximum + 1) });
    if (branch.exclusiveMaximum !== undefined) wrong.push({ kind: 'above-maximum', value: text(branch.exclusiveMaximum) });
    if (branch.type === 'integer') wrong.push({ kind: 'not-an-integer', value: text((branch.minimum ?? branch.exclusiveMinimum ?? 0) + 1.5) });
    if (branch.maxItems !== undefined && part === 'body') wrong.push({ kind: 'too-many-items', value: Array.from({ length: branch.maxItems + 1 }, () => branch.items?.enum?.[0] ?? 'a') });
    if (branch.propertyNames?.maxLength !== undefined && part === 'body') wrong.push({ kind: 'key-too-long', value: { ['k'.repeat(branch.propertyNames.maxLength + 1)]: 1 } });
    if (branch.type === 'object' && branch.properties && part === 'body') {
      // One level down: a nested object wrong in one of its own fields (the issue names field.sub).
      for (const [sub, child] of Object.entries(branch.properties)) {
        for (const value of wrongTypes(child, part)) wrong.push({ kind: `nested ${sub}`, value: { [sub]: value } });
      }
    }
  }
  return wrong;
}

export interface OneFieldWrong {
  /** Candidate valid values of the whole part; keep those the zod schema accepts (`isRefused` false). */
  candidates: fc.Arbitrary<unknown>;
  /** For each declared field: fixed wrong values (one per way of being wrong) and random ones. */
  fields: { field: string; examples: WrongField[]; random?: fc.Arbitrary<WrongField> }[];
}

/**
 * Per declared field of `schema`, wrong values for that field alone. Wrong values the schema
 * accepts after all (a coerced "5" for a number) are for the caller to drop through `isRefused`.
 */
export function oneFieldWrong(schema: z.ZodType, part: Part): OneFieldWrong {
  const json = jsonSchemaOf(schema);
  const candidates = validArbitrary(json, part);
  const fields = Object.entries(json.properties ?? {}).map(([field, property]) => {
    const examples: WrongField[] = [
      // A path part cannot be left out (the route would not match), only a body or query field.
      ...(json.required?.includes(field) && part !== 'params' ? [{ field, kind: 'missing', value: MISSING }] : []),
      ...wrongTypes(property, part).map((value) => ({ field, kind: 'type', value })),
      ...wrongValuesOfType(property, part).map(({ kind, value }) => ({ field, kind, value })),
    ];
    // Beyond the fixed cases, any JSON value at all of a type the field does not take (none when it takes any).
    const allowed = typesOf(property);
    const jsonType = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value);
    const takesAnyJson = ['string', 'number', 'boolean', 'null', 'array', 'object'].every((type) => allowed.has(type));
    const random =
      takesAnyJson ? undefined
      : part === 'body'
        ? fc
            .jsonValue({ maxDepth: 2 })
            .filter((value) => !allowed.has(jsonType(value)) && !(jsonType(value) === 'integer' && allowed.has('number')))
            .map((value) => ({ field, kind: 'random type', value }))
        : fc.string({ minLength: 1, maxLength: 300 }).map((value) => ({ field, kind: 'random text', value }));
    return { field, examples, random };
  });
  return { candidates, fields };
}

/** `base` with `wrong.field` replaced by (or, for MISSING, stripped of) the wrong value. */
export function withWrongField(base: Record<string, unknown>, wrong: WrongField): Record<string, unknown> {
  const copy = { ...base };
  if (wrong.value === MISSING) delete copy[wrong.field];
  else copy[wrong.field] = wrong.value;
  return copy;
}

/** Whether the schema refuses the value (only then is it a wrong value to send). */
export function isRefused(schema: z.ZodType, value: unknown): boolean {
  return !schema.safeParse(value).success;
}
