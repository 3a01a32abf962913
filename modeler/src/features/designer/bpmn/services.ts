// The small part of the bpmn-js / diagram-js service API the designer's modules use, typed once.
export interface ModdleObject {
  $type: string;
  $parent?: ModdleObject;
  id?: string;
  name?: string;
  get(name: string): unknown;
  set(name: string, value: unknown): void;
}

export interface DiagramElement {
  id: string;
  type: string;
  businessObject: ModdleObject;
  labelTarget?: DiagramElement;
}

export interface EventBus {
  on(event: string | string[], callback: (event: Record<string, unknown>) => unknown): void;
  on(event: string | string[], priority: number, callback: (event: Record<string, unknown>) => unknown): void;
  off(event: string | string[], callback: (event: Record<string, unknown>) => unknown): void;
  fire(event: string, data?: Record<string, unknown>): unknown;
}

export interface Modeling {
  updateProperties(element: DiagramElement, properties: Record<string, unknown>): void;
  updateModdleProperties(element: DiagramElement, moddleElement: ModdleObject, properties: Record<string, unknown>): void;
}

export interface Moddle {
  create(type: string, attrs?: Record<string, unknown>): ModdleObject;
}

export interface ElementRegistry {
  get(id: string): DiagramElement | undefined;
  find(predicate: (element: DiagramElement) => boolean): DiagramElement | undefined;
}

export interface Overlays {
  add(element: DiagramElement | string, type: string, overlay: { position: Record<string, number>; html: HTMLElement | string }): string;
  remove(filter: { type?: string; element?: DiagramElement | string }): void;
}

export interface Selection {
  select(element: DiagramElement | DiagramElement[] | null): void;
  get(): DiagramElement[];
}

export interface Canvas {
  zoom(level: string | number): number;
  scrollToElement(element: DiagramElement): void;
  getRootElement(): DiagramElement;
}

export interface CommandStack {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
}
