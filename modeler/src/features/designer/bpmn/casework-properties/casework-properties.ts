// Reads and edits the casework: extension of a diagram element. Every edit is a command
// (modeling.updateProperties / updateModdleProperties), so it is undone like any drawing change.
import type { DiagramElement, Moddle, ModdleObject, Modeling } from '../services.ts';

export const CASEWORK_ATTRIBUTES = ['team', 'role', 'sla', 'calendar', 'handoffSla', 'kpis', 'captures', 'handler'] as const;
export type CaseworkAttribute = (typeof CASEWORK_ATTRIBUTES)[number];
export const PROCESS_ATTRIBUTES = ['calendar', 'watchdog'] as const;
export type ProcessAttribute = (typeof PROCESS_ATTRIBUTES)[number];

export const FIELD_TYPES = ['string', 'text', 'number', 'boolean', 'date', 'enum'] as const;

export interface FieldDraft {
  name: string;
  label: string;
  type: string;
  required: boolean;
  options: string;
  pattern: string;
  min: string;
  max: string;
}

const FORM_TYPE = 'casework:Form';
const textOf = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));

export default class CaseworkProperties {
  static $inject = ['modeling', 'moddle'];
  private readonly modeling: Modeling;
  private readonly moddle: Moddle;

  constructor(modeling: Modeling, moddle: Moddle) {
    this.modeling = modeling;
    this.moddle = moddle;
  }

  attribute(element: DiagramElement, name: CaseworkAttribute): string {
    return textOf(element.businessObject.get(`casework:${name}`));
  }

  setAttribute(element: DiagramElement, name: CaseworkAttribute, value: string): void {
    const next = value.trim() || undefined;
    if ((this.attribute(element, name) || undefined) === next) return;
    this.modeling.updateProperties(element, { [`casework:${name}`]: next });
  }

  setName(element: DiagramElement, value: string): void {
    if ((element.businessObject.name ?? '') === value) return;
    this.modeling.updateProperties(element, { name: value || undefined });
  }

  /** The process of a participant (pool) or of the diagram's root, whose calendar and watchdog apply to every step. */
  processOf(element: DiagramElement): ModdleObject | undefined {
    const bo = element.businessObject;
    if (bo.$type === 'bpmn:Process') return bo;
    const ref = bo.get('processRef');
    return ref && typeof ref === 'object' ? (ref as ModdleObject) : undefined;
  }

  processAttribute(element: DiagramElement, name: ProcessAttribute): string {
    return textOf(this.processOf(element)?.get(`casework:${name}`));
  }

  setProcessAttribute(element: DiagramElement, name: ProcessAttribute, value: string): void {
    const process = this.processOf(element);
    const next = value.trim() || undefined;
    if (!process || (this.processAttribute(element, name) || undefined) === next) return;
    this.modeling.updateModdleProperties(element, process, { [`casework:${name}`]: next });
  }

  private form(element: DiagramElement): ModdleObject | undefined {
    const extensions = element.businessObject.get('extensionElements') as ModdleObject | undefined;
    const values = (extensions?.get('values') as ModdleObject[] | undefined) ?? [];
    return values.find((value) => value.$type === FORM_TYPE);
  }

  formFields(element: DiagramElement): FieldDraft[] {
    const fields = (this.form(element)?.get('fields') as ModdleObject[] | undefined) ?? [];
    return fields.map((field) => ({
      name: textOf(field.get('name')),
      label: textOf(field.get('label')),
      type: textOf(field.get('type')) || 'string',
      required: field.get('required') === true,
      options: textOf(field.get('options')),
      pattern: textOf(field.get('pattern')),
      min: textOf(field.get('min')),
      max: textOf(field.get('max')),
    }));
  }

  /** Replaces the element's form with `fields` in one command (none removes the form). */
  setFormFields(element: DiagramElement, fields: readonly FieldDraft[]): void {
    const bo = element.businessObject;
    const extensions = bo.get('extensionElements') as ModdleObject | undefined;
    const form = fields.length > 0 ? this.createForm(fields) : undefined;
    if (!extensions) {
      if (!form) return;
      const created = this.moddle.create('bpmn:ExtensionElements', { values: [form] });
      form.$parent = created;
      created.$parent = bo;
      this.modeling.updateProperties(element, { extensionElements: created });
      return;
    }
    const others = ((extensions.get('values') as ModdleObject[] | undefined) ?? []).filter((value) => value.$type !== FORM_TYPE);
    if (form) form.$parent = extensions;
    this.modeling.updateModdleProperties(element, extensions, { values: form ? [...others, form] : others });
  }

  private createForm(fields: readonly FieldDraft[]): ModdleObject {
    const created = fields.map((draft) => {
      const attrs: Record<string, unknown> = { name: draft.name.trim(), type: draft.type || 'string' };
      if (draft.label.trim()) attrs.label = draft.label.trim();
      if (draft.required) attrs.required = true;
      for (const key of ['options', 'pattern', 'min', 'max'] as const) if (draft[key].trim()) attrs[key] = draft[key].trim();
      return this.moddle.create('casework:Field', attrs);
    });
    const form = this.moddle.create(FORM_TYPE, { fields: created });
    for (const field of created) field.$parent = form;
    return form;
  }
}
