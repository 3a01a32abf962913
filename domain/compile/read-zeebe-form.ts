// Reads the fields of a Camunda 8 embedded form: a zeebe:formDefinition whose formKey names a
// zeebe:userTaskForm holding form-js JSON on the process. Linked (external) forms are not readable.
import { type Element, extensions, text } from './moddle-access.ts';
import type { RawField } from './raw-form-field.ts';

const EMBEDDED_PREFIX = 'camunda-forms:bpmn:';
/** form-js component types that hold a value, and the Casemap type they map to. */
const COMPONENT_TYPES: Record<string, string> = {
  textfield: 'string', textarea: 'text', number: 'number', checkbox: 'boolean', datetime: 'date',
  select: 'enum', radio: 'enum',
};
const MAX_COMPONENTS = 500;

function processOf(element: Element): Element | undefined {
  let current: Element | undefined = element;
  for (let hops = 0; current && hops < 256; hops++) {
    if (current.$type === 'bpmn:Process') return current;
    current = current.$parent;
  }
  return undefined;
}

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

const asString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function toRawField(component: Record<string, unknown>): RawField | undefined {
  const type = asString(component.type);
  const mapped = type === undefined ? undefined : COMPONENT_TYPES[type];
  if (mapped === undefined) return undefined;
  const validate = asRecord(component.validate) ?? {};
  const values = Array.isArray(component.values) ? component.values : [];
  const bound = (value: unknown) => (typeof value === 'number' ? String(value) : asString(value));
  return {
    name: asString(component.key),
    label: asString(component.label),
    type: mapped,
    required: validate.required === true,
    options: values.map((v) => asString(asRecord(v)?.value)).filter((v): v is string => v !== undefined),
    pattern: asString(validate.pattern),
    min: bound(validate.min),
    max: bound(validate.max),
  };
}

/** The fields of the embedded form, or undefined when the form is linked rather than embedded. */
export function readEmbeddedForm(task: Element, definition: Element): RawField[] | undefined {
  const key = text(definition, 'formKey');
  if (!key?.startsWith(EMBEDDED_PREFIX)) return undefined;
  const process = processOf(task);
  const id = key.slice(EMBEDDED_PREFIX.length);
  const form = process && extensions(process, 'zeebe:UserTaskForm').find((f) => text(f, 'id') === id);
  const body = form && text(form, 'body');
  if (!body) return undefined;
  let schema: unknown;
  try {
    schema = JSON.parse(body);
  } catch {
    return undefined;
  }
  const fields: RawField[] = [];
  const pending: unknown[] = [asRecord(schema)?.components];
  for (let visited = 0; pending.length > 0 && visited < MAX_COMPONENTS; visited++) {
    const next = pending.pop();
    if (Array.isArray(next)) pending.push(...next.slice(0, MAX_COMPONENTS).reverse());
    const component = asRecord(next);
    if (!component) continue;
    const field = toRawField(component);
    if (field) fields.push(field);
    if (Array.isArray(component.components)) pending.push(component.components);
  }
  return fields;
}
