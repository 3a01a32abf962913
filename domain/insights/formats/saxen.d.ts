// saxen (bpmn-moddle's XML parser, via moddle-xml) ships without types; this is the part the XES reader uses.
declare module 'saxen' {
  export class Parser {
    constructor(options?: { proxy?: boolean });
    on(event: 'openTag', handler: (name: string, attrs: () => Record<string, string>, decode: (s: string) => string, selfClosing: boolean) => void): this;
    on(event: 'closeTag', handler: (name: string, decode: (s: string) => string, selfClosing: boolean) => void): this;
    on(event: 'error' | 'warn', handler: (error: Error) => void): this;
    on(event: 'attention' | 'question', handler: (text: string) => void): this;
    on(event: 'text' | 'cdata' | 'comment', handler: (text: string, decode: (s: string) => string) => void): this;
    ns(map?: Record<string, string>): this;
    parse(xml: string): this;
  }
}
