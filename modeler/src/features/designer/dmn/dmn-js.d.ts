// dmn-js ships without type declarations; this is the part of its Modeler the Decisions panel uses.
declare module 'dmn-js/lib/Modeler' {
  export interface DmnView {
    type: 'drd' | 'decisionTable' | 'literalExpression' | 'boxedExpression';
    element: { id: string; name?: string; $type: string };
  }
  export interface DmnModelerOptions {
    container?: HTMLElement;
    common?: Record<string, unknown>;
    [key: string]: unknown;
  }
  export default class DmnModeler {
    constructor(options?: DmnModelerOptions);
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml?: string }>;
    getViews(): DmnView[];
    getActiveView(): DmnView | undefined;
    open(view: DmnView): Promise<{ warnings: unknown[] }>;
    on(event: string, callback: (event: { views?: DmnView[]; activeView?: DmnView }) => void): void;
    attachTo(element: HTMLElement): void;
    destroy(): void;
  }
}

// Vite's `?inline` import: a stylesheet's text, for a constructable stylesheet in a shadow root.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
