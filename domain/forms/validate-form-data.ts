// Checks what a caseworker submits against a step's form fields, giving one issue per field at
// fault in words a caseworker understands. Built on zod so the rules are declared, not hand-coded.
import { z } from 'zod';
import type { FormField } from '../process/ir.ts';
import { compileUserPattern } from './user-pattern.ts';

export interface FormIssue {
  field: string;
  message: string;
}

export type FormValidation = { ok: true; data: Record<string, unknown> } | { ok: false; issues: FormIssue[] };

const MAX_TEXT_LENGTH = 10_000;

function schemaFor(field: FormField): z.ZodType {
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
      // RE2, not RegExp: the value is hostile input and a backtracking match would freeze the API.
      const pattern = compileUserPattern(field.pattern);
      return schema.refine((value) => pattern.ok && pattern.test(value), { error: `${label} is not in the expected format` });
    }
  }
}

/** Validates `data` against `fields`; unknown keys are refused so nothing unexpected enters case data. */
export function validateFormData(fields: readonly FormField[], data: unknown): FormValidation {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, issues: [{ field: '', message: 'Form data must be an object of field values' }] };
  }
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    const schema = schemaFor(field);
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
