// Checks what a caseworker submits against a step's form fields, giving one issue per rule broken in
// words a caseworker understands. Hand-written, not zod: the workflow runs it, and the SDK evaluates
// every package the workflow imports again for each new case, so zod there cost every case more than
// the rest of Casemap's modules together (docs/benchmarks.md). validate-form-data.test.ts holds the
// zod schema this replaced and proves both give the same answer, issue for issue, in the same order.
import type { FormField } from '../process/ir.ts';
import { compileUserPattern } from './user-pattern.ts';

export interface FormIssue {
  field: string;
  message: string;
}

export type FormValidation = { ok: true; data: Record<string, unknown> } | { ok: false; issues: FormIssue[] };

const MAX_TEXT_LENGTH = 10_000;

/** ISO 8601 calendar dates (YYYY-MM-DD) that exist, leap days included; zod's `iso.date` pattern. */
const ISO_DATE =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))$/;

/** A text's length in characters as a caseworker counts them: a surrogate pair (an emoji) is one. */
function characterCount(text: string): number {
  let count = 0;
  for (const _character of text) count += 1;
  return count;
}

/**
 * The length rules run on anything with a length, even after the value was refused as not text, as
 * zod's did: an empty list for a required text field is both "must be text" and "is required".
 */
function lengthOf(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  // counting characters is needed only where the UTF-16 length is over the limit
  if (typeof value === 'string') return value.length > MAX_TEXT_LENGTH ? characterCount(value) : value.length;
  return (value as { length?: unknown }).length;
}

function textIssues(field: FormField, label: string, value: unknown): string[] {
  const messages: string[] = [];
  const isText = typeof value === 'string';
  if (!isText) messages.push(`${label} must be text`);
  const length = lengthOf(value);
  if (length !== undefined) {
    if (!((length as number) <= MAX_TEXT_LENGTH)) messages.push(`${label} must be at most ${MAX_TEXT_LENGTH} characters`);
    if (field.required && !((length as number) >= 1)) messages.push(`${label} is required`);
  }
  if (!isText || !field.pattern) return messages;
  // RE2, not RegExp: the value is hostile input and a backtracking match would freeze the API.
  const pattern = compileUserPattern(field.pattern);
  if (!(pattern.ok && pattern.test(value))) messages.push(`${label} is not in the expected format`);
  return messages;
}

function dateIssues(field: FormField, label: string, value: unknown): string[] {
  if (typeof value !== 'string') return [`${label} must be a date (YYYY-MM-DD)`];
  const messages: string[] = [];
  // a malformed date is still compared with the bounds, so it may earn both issues, as before
  if (!ISO_DATE.test(value)) messages.push(`${label} must be a date (YYYY-MM-DD)`);
  const inRange = (typeof field.min !== 'string' || value >= field.min) && (typeof field.max !== 'string' || value <= field.max);
  if (!inRange) messages.push(`${label} must be between ${field.min ?? 'any date'} and ${field.max ?? 'any date'}`);
  return messages;
}

function numberIssues(field: FormField, label: string, value: unknown): string[] {
  if (typeof value !== 'number' || !Number.isFinite(value)) return [`${label} must be a number`];
  const messages: string[] = [];
  // both bounds are checked, so a field whose minimum is above its maximum says so twice
  if (typeof field.min === 'number' && value < field.min) messages.push(`${label} must be at least ${field.min}`);
  if (typeof field.max === 'number' && value > field.max) messages.push(`${label} must be at most ${field.max}`);
  return messages;
}

/** What is wrong with `value` for `field`, in the order a caseworker should fix it; empty when nothing is. */
function fieldIssues(field: FormField, value: unknown): string[] {
  const label = field.label || field.name;
  switch (field.type) {
    case 'number':
      return numberIssues(field, label, value);
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${label} must be yes or no`];
    case 'date':
      return dateIssues(field, label, value);
    case 'enum':
      return field.options.includes(value as string) ? [] : [`${label} must be one of: ${field.options.join(', ')}`];
    default:
      return textIssues(field, label, value);
  }
}

/**
 * The fields by name in the order an object's keys take (integer-like names first), the last field of
 * a name winning: the order the issues and the cleaned data had when they came from a zod object.
 * A field named `__proto__` sets the object's prototype instead of a key, so it is never checked and
 * a value sent under that name is refused as unknown, as before.
 */
function fieldsByName(fields: readonly FormField[]): Record<string, FormField> {
  const byName: Record<string, FormField> = {};
  for (const field of fields) byName[field.name] = field;
  return byName;
}

/** Validates `data` against `fields`; unknown keys are refused so nothing unexpected enters case data. */
export function validateFormData(fields: readonly FormField[], data: unknown): FormValidation {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, issues: [{ field: '', message: 'Form data must be an object of field values' }] };
  }
  const values = data as Record<string, unknown>;
  const byName = fieldsByName(fields);
  const names = Object.keys(byName);
  const cleaned: Record<string, unknown> = {};
  const issues: FormIssue[] = [];
  for (const name of names) {
    const field = byName[name]!;
    // `in`, not an own-key test: a name such as toString finds Object.prototype's and is refused
    const present = name in values;
    const value = values[name];
    if (!field.required && (!present || value === undefined || value === null)) {
      if (present) cleaned[name] = value;
      continue;
    }
    const messages = fieldIssues(field, value);
    for (const message of messages) issues.push({ field: name, message });
    if (messages.length === 0) cleaned[name] = value;
  }
  const known = new Set(names);
  const unknown: string[] = [];
  for (const key in values) if (!known.has(key)) unknown.push(key);
  if (unknown.length > 0) issues.push({ field: unknown.join(', '), message: `This step has no field named ${unknown.join(', ')}` });
  return issues.length === 0 ? { ok: true, data: cleaned } : { ok: false, issues };
}
