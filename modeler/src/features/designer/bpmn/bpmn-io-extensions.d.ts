// bpmn-js-token-simulation and bpmn-js-differ ship without type declarations; this is the part of
// their API the Designer uses.
declare module 'bpmn-js-token-simulation' {
  import type { ModuleDeclaration } from 'didi';

  const tokenSimulationModule: ModuleDeclaration;
  export default tokenSimulationModule;
}

declare module 'bpmn-js-differ' {
  import type { ModdleElement } from 'bpmn-moddle';

  export interface AttributeChange {
    oldValue: unknown;
    newValue: unknown;
  }
  export interface DiffResult {
    _added: Record<string, ModdleElement>;
    _removed: Record<string, ModdleElement>;
    _changed: Record<string, { model: ModdleElement; attrs: Record<string, AttributeChange> }>;
    _layoutChanged: Record<string, ModdleElement>;
  }
  export function diff(oldDefinitions: ModdleElement, newDefinitions: ModdleElement): DiffResult;
}
