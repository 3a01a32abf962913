// dmn-moddle ships ESM without type declarations; this is the part of its API Casemap uses.
declare module 'dmn-moddle' {
  export interface DmnElement {
    $type: string;
    $parent?: DmnElement;
    id?: string;
    name?: string;
    [key: string]: unknown;
  }
  export interface DmnParseWarning {
    message: string;
  }
  export interface DmnParseResult {
    rootElement: DmnElement;
    warnings: DmnParseWarning[];
    elementsById: Record<string, DmnElement>;
  }
  export interface DmnModdleInstance {
    fromXML(xml: string, typeName?: string, options?: Record<string, unknown>): Promise<DmnParseResult>;
    toXML(element: DmnElement, options?: { format?: boolean }): Promise<{ xml: string }>;
  }
  /** A moddle that reads and writes DMN 1.3 (a factory, not a class). */
  export function DmnModdle(packages?: Record<string, unknown>, options?: Record<string, unknown>): DmnModdleInstance;
}
