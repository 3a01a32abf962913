// Reads and edits a business rule task's called decision: `zeebe:calledDecision` names the DMN
// decision the step evaluates (`decisionId`) and the case data field its result is stored in
// (`resultVariable`). Each edit is one command, so Undo takes it back like a drawing change.
import type { DiagramElement, Moddle, ModdleObject, Modeling } from '../services.ts';

export const CALLED_DECISION_FIELDS = ['decisionId', 'resultVariable'] as const;
export type CalledDecisionField = (typeof CALLED_DECISION_FIELDS)[number];

const CALLED_DECISION = 'zeebe:CalledDecision';
const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');
const valuesOf = (extensions: ModdleObject | undefined): ModdleObject[] => (extensions?.get('values') as ModdleObject[] | undefined) ?? [];

export default class CalledDecision {
  static $inject = ['modeling', 'moddle'];
  private readonly modeling: Modeling;
  private readonly moddle: Moddle;

  constructor(modeling: Modeling, moddle: Moddle) {
    this.modeling = modeling;
    this.moddle = moddle;
  }

  private extensions(element: DiagramElement): ModdleObject | undefined {
    return element.businessObject.get('extensionElements') as ModdleObject | undefined;
  }

  private calledDecision(element: DiagramElement): ModdleObject | undefined {
    return valuesOf(this.extensions(element)).find((value) => value.$type === CALLED_DECISION);
  }

  value(element: DiagramElement, field: CalledDecisionField): string {
    return textOf(this.calledDecision(element)?.get(field));
  }

  /** Sets one field, creating the called decision (and the extension elements) on the first edit. */
  set(element: DiagramElement, field: CalledDecisionField, value: string): void {
    const next = value.trim() || undefined;
    if ((this.value(element, field) || undefined) === next) return;
    const existing = this.calledDecision(element);
    if (existing) {
      this.modeling.updateModdleProperties(element, existing, { [field]: next });
      return;
    }
    if (next === undefined) return;
    const created = this.moddle.create(CALLED_DECISION, { [field]: next });
    const extensions = this.extensions(element);
    if (!extensions) {
      const made = this.moddle.create('bpmn:ExtensionElements', { values: [created] });
      created.$parent = made;
      made.$parent = element.businessObject;
      this.modeling.updateProperties(element, { extensionElements: made });
      return;
    }
    created.$parent = extensions;
    this.modeling.updateModdleProperties(element, extensions, { values: [...valuesOf(extensions), created] });
  }
}
