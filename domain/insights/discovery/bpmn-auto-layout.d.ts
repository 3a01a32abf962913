// bpmn-auto-layout ships without types; this is the one function discovery uses.
declare module 'bpmn-auto-layout' {
  /** BPMN XML with diagram interchange (shapes and edges) laid out left to right. */
  export function layoutProcess(xml: string): Promise<string>;
}
