// Proves the hand-written form check refuses exactly what the zod schema it replaced refused, with the
// same issues in the same order, and keeps exactly the same data, over generated forms and submissions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FormField } from '../process/ir.ts';
import { compileUserPattern } from './user-pattern.ts';
import { type FormValidation, validateFormData } from './validate-form-data.ts';

const MAX_TEXT_LENGTH = 10_000;

/** The zod schema validate-form-data.ts built until it stopped importing zod (commit a1011fa), unchanged. */
function zodSchemaFor(field: FormField): z.ZodType {
  const label = field.label || field.name;
  switch (field.type) {
    case 'number': {
      let schema = z.number({ error: `${label} must be a number` }).finite();
      if (typeof field.min === 'number') schema = schema.min(field.min, { error: `${label} must be at least ${field.min}` });
      if (typeof field.max === 'number') schema = schema.max(field.max, { error: `${label} must be at most ${field.max}` });
      return schema;
    }
    case 'boolean':
      return z.boolean({ error: `${label} must be yes or no` });
    case 'date':
      return z.iso.date({ error: `${label} must be a date (YYYY-MM-DD)` }).refine((value) => (typeof field.min !== 'string' || value >= field.min) && (typeof field.max !== 'string' || value <= field.max), {
        error: `${label} must be between ${field.min ?? 'any date'} and ${field.max ?? 'any date'}`,
      });
    case 'enum':
      return z.enum(field.options as [string, ...string[]], { error: `${label} must be one of: ${field.options.join(', ')}` });
    default: {
      let schema = z.string({ error: `${label} must be text` }).max(MAX_TEXT_LENGTH, { error: `${label} must be at most ${MAX_TEXT_LENGTH} characters` });
      if (field.required) schema = schema.min(1, { error: `${label} is required` });
      if (!field.pattern) return schema;
      const pattern = compileUserPattern(field.pattern);
      return schema.refine((value) => pattern.ok && pattern.test(value), { error: `${label} is not in the expected format` });
    }
  }
}

function zodValidateFormData(fields: readonly FormField[], data: unknown): FormValidation {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, issues: [{ field: '', message: 'Form data must be an object of field values' }] };
  }
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    const schema = zodSchemaFor(field);
    shape[field.name] = field.required ? schema : schema.optional().nullable();
  }
  const result = z.strictObject(shape).safeParse(data);
  if (result.success) return { ok: true, data: result.data as Record<string, unknown> };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : ''),
      message: issue.code === 'unrecognized_keys' ? `This step has no field named ${issue.keys.join(', ')}` : issue.message,
    })),
  };
}

// Names include the awkward ones an object treats specially: integer-like (ordered first), inherited
// (toString) and __proto__; duplicates are generated on purpose.
const NAMES = ['decision', 'cid', 'ersDate', 'sentenceMonths', 'a', '1', '10', '', 'toString', 'constructor', '__proto__'];
const DATES = ['2026-01-31', '2027-01-04', '2024-02-29', '2023-02-29', '2026-13-01', '04/01/2027', '2026-01-31T10:00:00Z', '', '2026-1-5'];
const OPTIONS = ['deport', 'do-not-deport', 'yes', '', '1', 'toString'];
const PATTERNS = ['^CID-[0-9]+$', '^(a+)+$', 'a', '^$', '(?=a)', '(', '^\\d{2}$', '\\p{L}+'];

const bound = fc.oneof(fc.constant(undefined), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1000, max: 1000 }), fc.integer({ min: -5, max: 700 }), fc.constantFrom(...DATES));

const formField: fc.Arbitrary<FormField> = fc
  .record({
    name: fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 4 })),
    label: fc.constantFrom('', 'Decision', 'Sentence (months)'),
    type: fc.constantFrom('string', 'text', 'number', 'boolean', 'date', 'enum'),
    required: fc.boolean(),
    options: fc.array(fc.constantFrom(...OPTIONS), { maxLength: 4 }),
    pattern: fc.option(fc.constantFrom(...PATTERNS), { nil: undefined }),
    min: bound,
    max: bound,
  })
  .map((field) => Object.fromEntries(Object.entries(field).filter(([, value]) => value !== undefined)) as FormField);

const longText = (character: string, count: number) => character.repeat(count);

const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, null, true, false, 0, -0, 1, 18, 601, -3.5, Number.NaN, Number.POSITIVE_INFINITY),
  fc.double(),
  fc.integer({ min: -10, max: 1000 }),
  fc.constantFrom(...DATES, ...OPTIONS, 'CID-42', 'X1', 'aaaa', 'aaa!', '12'),
  fc.string({ maxLength: 6 }),
  // at and over the length limit, in UTF-16 units and in characters (an emoji is two units, one character)
  fc.constantFrom(longText('a', MAX_TEXT_LENGTH), longText('a', MAX_TEXT_LENGTH + 1), longText('😀', MAX_TEXT_LENGTH), longText('😀', MAX_TEXT_LENGTH + 1), `${longText('a', 5000)}!`),
  fc.constantFrom([], ['deport'], {}, { length: 0 }, { length: 20_000 }, { length: null }, { length: '3' }),
);

const submission: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 9, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...NAMES, 'isAdmin'), fc.string({ maxLength: 3 })), fieldValue, { maxKeys: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, 'deport', 3, [], [{ decision: 'deport' }]) },
);

/** A value of the field's own type, often (not always) one the field accepts. */
function valueOfItsType(field: FormField): fc.Arbitrary<unknown> {
  switch (field.type) {
    case 'number':
      return fc.integer({ min: -5, max: 700 });
    case 'boolean':
      return fc.boolean();
    case 'date':
      return fc.constantFrom(...DATES);
    case 'enum':
      return field.options.length > 0 ? fc.constantFrom(...field.options) : fc.constant('deport');
    default:
      return fc.constantFrom('CID-7', 'a', 'aaaa', '12', 'Ünïcode', '');
  }
}

/** The answer as a list, so key order and keys holding undefined count in the comparison. */
function comparable(result: FormValidation): unknown {
  return result.ok ? { ok: true, entries: Object.entries(result.data) } : result;
}

describe('validateFormData, hand-written', () => {
  it('gives the same issues, in the same order, and keeps the same data as the zod schema it replaced', () => {
    fc.assert(
      fc.property(fc.array(formField, { maxLength: 5 }), submission, (fields, data) => {
        expect(comparable(validateFormData(fields, data))).toStrictEqual(comparable(zodValidateFormData(fields, data)));
      }),
      { numRuns: 3_000 },
    );
  });

  it('gives the same answer for submissions built from the form itself, where most fields are valid', () => {
    const formAndFittingData = fc.array(formField, { minLength: 1, maxLength: 5 }).chain((fields) =>
      fc.tuple(
        fc.constant(fields),
        fc.tuple(...fields.map((field) => fc.tuple(fc.constant(field.name), fc.oneof({ weight: 4, arbitrary: valueOfItsType(field) }, { weight: 1, arbitrary: fieldValue })))).map((pairs) => Object.fromEntries(pairs)),
      ),
    );
    let accepted = 0;
    fc.assert(
      fc.property(formAndFittingData, ([fields, data]) => {
        const expected = zodValidateFormData(fields, data);
        if (expected.ok) accepted += 1;
        expect(comparable(validateFormData(fields, data))).toStrictEqual(comparable(expected));
      }),
      { numRuns: 3_000 },
    );
    // the generator must reach acceptance often, or the cleaned data would barely be compared
    expect(accepted).toBeGreaterThan(300);
  });

  it('accepts a fully valid submission from both checks, so the comparison is not only of refusals', () => {
    const fields: FormField[] = [
      { name: 'decision', label: 'Decision', type: 'enum', required: true, options: ['deport', 'do-not-deport'] },
      { name: 'sentenceMonths', label: 'Sentence (months)', type: 'number', required: false, options: [], min: 0, max: 600 },
      { name: '2', label: '', type: 'boolean', required: false, options: [] },
    ];
    const data = { decision: 'deport', sentenceMonths: 18, '2': null };
    const expected = { ok: true, entries: [['2', null], ['decision', 'deport'], ['sentenceMonths', 18]] };
    expect(comparable(zodValidateFormData(fields, data))).toStrictEqual(expected);
    expect(comparable(validateFormData(fields, data))).toStrictEqual(expected);
  });
});
