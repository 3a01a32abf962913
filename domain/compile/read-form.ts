// A user task's form schema: casework:form fields, Camunda 7 camunda:formData fields, or a
// Camunda 8 embedded form (zeebe:userTaskForm JSON); each field is checked before it is kept.
import type { FormField } from '../process/ir.ts';
import { userPatternProblem } from '../forms/user-pattern.ts';
import type { CompileContext } from './compile-context.ts';
import { describe, quoted, sentence } from './describe-element.ts';
import { isIsoDateTime } from '../time/iso8601.ts';
import { type Element, child, children, commaList, extension, raw, text } from './moddle-access.ts';
import type { RawField } from './raw-form-field.ts';
import { readEmbeddedForm } from './read-zeebe-form.ts';

const FIELD_TYPES: Record<string, FormField['type']> = {
  string: 'string', text: 'text', number: 'number', boolean: 'boolean', date: 'date', enum: 'enum',
  // Camunda 7 form field types.
  long: 'number', double: 'number', integer: 'number',
};

const ACCEPTED_TYPES = 'string, text, number, boolean, date or enum';

function bound(value: string | undefined, report: (why: string) => void, which: string): number | string | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (Number.isFinite(number)) return number;
  if (isIsoDateTime(value)) return value;
  report(`has the ${which} ${quoted(value)}; write a number or an ISO date such as 2026-01-31.`);
  return undefined;
}

function toField(task: Element, field: RawField, index: number, ctx: CompileContext): FormField | undefined {
  const label = field.name ?? `number ${index + 1}`;
  const report = (why: string) =>
    ctx.report({
      code: 'invalid-form-field',
      severity: 'error',
      elementId: task.id,
      field: field.name,
      message: `The form of ${describe(task)}: field ${quoted(label)} ${why}`,
    });
  if (!field.name) {
    report('has no name; give every field a name, used to store its value in the case data.');
    return undefined;
  }
  const type = field.type === undefined ? 'string' : FIELD_TYPES[field.type];
  if (type === undefined) report(`has the type ${quoted(field.type ?? '')}; use ${ACCEPTED_TYPES}.`);
  if (type === 'enum' && field.options.length === 0) report('is a choice (enum) without options; list its options, separated by commas.');
  const patternProblem = field.pattern === undefined ? undefined : userPatternProblem(field.pattern);
  const pattern = patternProblem ? undefined : field.pattern;
  if (field.pattern !== undefined && patternProblem) report(`has the pattern ${quoted(field.pattern)}, which ${patternProblem.reason}.`);
  const min = bound(field.min, report, 'minimum');
  const max = bound(field.max, report, 'maximum');
  return {
    name: field.name,
    label: field.label ?? field.name,
    type: type ?? 'string',
    required: field.required,
    options: field.options,
    ...(pattern !== undefined ? { pattern } : {}),
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
  };
}

const caseworkFields = (form: Element): RawField[] =>
  children(form, 'fields').map((field) => ({
    name: text(field, 'name'),
    label: text(field, 'label'),
    type: text(field, 'type'),
    required: raw(field, 'required') === true,
    options: commaList(text(field, 'options')),
    pattern: text(field, 'pattern'),
    min: text(field, 'min'),
    max: text(field, 'max'),
  }));

function camundaFields(formData: Element): RawField[] {
  return children(formData, 'fields').map((field) => {
    const validation = child(field, 'validation');
    const constraints = validation ? children(validation, 'constraints') : [];
    const config = (name: string) => {
      const constraint = constraints.find((c) => text(c, 'name') === name);
      return constraint && text(constraint, 'config');
    };
    return {
      name: text(field, 'id'),
      label: text(field, 'label'),
      type: text(field, 'type'),
      required: constraints.some((c) => text(c, 'name') === 'required'),
      options: children(field, 'values')
        .map((value) => text(value, 'id') ?? text(value, 'name'))
        .filter((value): value is string => value !== undefined),
      pattern: config('pattern'),
      min: config('min'),
      max: config('max'),
    };
  });
}

export function readForm(task: Element, ctx: CompileContext): FormField[] {
  const casework = extension(task, 'casework:Form');
  const camunda = extension(task, 'camunda:FormData');
  const zeebe = extension(task, 'zeebe:FormDefinition');
  let fields: RawField[] = [];
  if (casework) fields = caseworkFields(casework);
  else if (camunda) fields = camundaFields(camunda);
  else if (zeebe) {
    const embedded = readEmbeddedForm(task, zeebe);
    if (embedded) fields = embedded;
    else {
      ctx.report({
        code: 'external-form',
        severity: 'info',
        elementId: task.id,
        message: `${sentence(describe(task))} links to a form kept outside the diagram, so Casemap cannot check its fields; add a casework form to validate them.`,
      });
    }
  }
  const seen = new Set<string>();
  const result: FormField[] = [];
  fields.forEach((field, index) => {
    const converted = toField(task, field, index, ctx);
    if (!converted) return;
    if (seen.has(converted.name)) {
      ctx.report({
        code: 'invalid-form-field',
        severity: 'error',
        elementId: task.id,
        field: converted.name,
        message: `The form of ${describe(task)} has two fields named ${quoted(converted.name)}; give each field its own name.`,
      });
      return;
    }
    seen.add(converted.name);
    result.push(converted);
  });
  return result;
}
