// Turns what a caseworker typed into the typed case data the step's form declares. Values that
// do not convert are sent as typed, so the server's validation names the field at fault.
import type { FormFieldSchema } from '../api/get-tasks.ts';

/** What converting a value needs to know of a field. */
type FieldKind = Pick<FormFieldSchema, 'name' | 'type'> & { required?: boolean };

export type RawValues = Record<string, string | boolean>;

export function initialValues(fields: readonly FieldKind[]): RawValues {
  return Object.fromEntries(fields.map((field) => [field.name, field.type === 'boolean' ? false : '']));
}

export function toFormData(fields: readonly FieldKind[], raw: RawValues): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const value = raw[field.name];
    if (field.type === 'boolean') {
      data[field.name] = value === true;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') {
      if (field.required && (field.type === 'string' || field.type === 'text')) data[field.name] = '';
      continue;
    }
    if (field.type === 'number') {
      const number = Number(text);
      data[field.name] = Number.isFinite(number) ? number : text;
      continue;
    }
    data[field.name] = text;
  }
  return data;
}
