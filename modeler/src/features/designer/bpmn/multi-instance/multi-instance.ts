// Reads and edits what a multi-instance step runs over: `zeebe:loopCharacteristics` on its
// multi-instance marker (input collection and element, output collection and element) and BPMN's
// completion condition. Each edit is one command, so Undo takes it back like a drawing change.
import type { DiagramElement, Moddle, ModdleObject, Modeling } from '../services.ts';

export const LOOP_FIELDS = ['inputCollection', 'inputElement', 'outputCollection', 'outputElement'] as const;
export type MultiInstanceField = (typeof LOOP_FIELDS)[number] | 'completionCondition';

const MARKER = 'bpmn:MultiInstanceLoopCharacteristics';
const LOOP = 'zeebe:LoopCharacteristics';
const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

export default class MultiInstance {
  static $inject = ['modeling', 'moddle'];
  private readonly modeling: Modeling;
  private readonly moddle: Moddle;

  constructor(modeling: Modeling, moddle: Moddle) {
    this.modeling = modeling;
    this.moddle = moddle;
  }

  /** The step's multi-instance marker; undefined for a step without one (or with a standard loop). */
  marker(element: DiagramElement): ModdleObject | undefined {
    const marker = element.businessObject.get('loopCharacteristics') as ModdleObject | undefined;
    return marker?.$type === MARKER ? marker : undefined;
  }

  private loop(marker: ModdleObject): ModdleObject | undefined {
    const extensions = marker.get('extensionElements') as ModdleObject | undefined;
    return ((extensions?.get('values') as ModdleObject[] | undefined) ?? []).find((value) => value.$type === LOOP);
  }

  value(element: DiagramElement, field: MultiInstanceField): string {
    const marker = this.marker(element);
    if (!marker) return '';
    if (field === 'completionCondition') return textOf((marker.get('completionCondition') as ModdleObject | undefined)?.get('body'));
    const loop = this.loop(marker);
    return loop ? textOf(loop.get(field)) : '';
  }

  /** Sets one field, creating `zeebe:loopCharacteristics` (and its extension elements) on the first edit. */
  set(element: DiagramElement, field: MultiInstanceField, value: string): void {
    const marker = this.marker(element);
    const next = value.trim() || undefined;
    if (!marker || (this.value(element, field) || undefined) === next) return;
    if (field === 'completionCondition') {
      const condition = next === undefined ? undefined : this.moddle.create('bpmn:FormalExpression', { body: next });
      if (condition) condition.$parent = marker;
      this.modeling.updateModdleProperties(element, marker, { completionCondition: condition });
      return;
    }
    const existing = this.loop(marker);
    if (existing) {
      this.modeling.updateModdleProperties(element, existing, { [field]: next });
      return;
    }
    if (next === undefined) return;
    const loop = this.moddle.create(LOOP, { [field]: next });
    const extensions = marker.get('extensionElements') as ModdleObject | undefined;
    if (extensions) {
      loop.$parent = extensions;
      this.modeling.updateModdleProperties(element, extensions, { values: [...((extensions.get('values') as ModdleObject[] | undefined) ?? []), loop] });
      return;
    }
    const made = this.moddle.create('bpmn:ExtensionElements', { values: [loop] });
    loop.$parent = made;
    made.$parent = marker;
    this.modeling.updateModdleProperties(element, marker, { extensionElements: made });
  }
}
