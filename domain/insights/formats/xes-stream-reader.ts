// Reads an XES event log piece by piece as it arrives: the text is cut at each </trace> and every trace is read on its own (xes-trace-scanner.ts for the usual form, else saxen, the XML parser bpmn-moddle uses; DTDs refused), so memory holds one trace, not the file. xes-import.ts feeds it a whole string.
import { Parser } from 'saxen';
import type { ImportProblem, LogRow } from './log-rows.ts';
import type { StreamStep } from './csv-stream-reader.ts';
import { XesTraceBuilder } from './xes-trace-builder.ts';
import { scanCanonicalTrace } from './xes-trace-scanner.ts';

const traceOpen = /<(?:[\w.-]+:)?trace[\s>/]/;
const traceClose = /<\/(?:[\w.-]+:)?trace\s*>/g;
/** The text before the first trace (log attributes, extensions, globals, classifiers) is small in any real log. */
const MAX_HEADER_CHARS = 16 * 1024 * 1024;

function countLines(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let k = text.indexOf('\n', from); k >= 0 && k < to; k = text.indexOf('\n', k + 1)) n += 1;
  return n;
}

/** Only comments and white space may stand between traces and after the last one. */
const onlyComments = (text: string) => text.replace(/<!--[\s\S]*?-->/g, '').trim() === '';

export class XesStreamReader {
  private pending = '';
  /** The file line the pending text starts on. */
  private line = 1;
  private inBody = false;
  private traces = 0;
  private failed = false;

  push(text: string): StreamStep {
    if (this.failed) return { ok: true, rows: [] };
    this.pending += text;
    if (!this.inBody) {
      const header = this.readHeader();
      if (header) return header;
      if (!this.inBody) return { ok: true, rows: [] };
    }
    const rows: LogRow[] = [];
    traceClose.lastIndex = 0;
    let consumed = 0;
    for (let match = traceClose.exec(this.pending); match; match = traceClose.exec(this.pending)) {
      const end = match.index + match[0].length;
      const segment = this.pending.slice(consumed, end);
      const open = segment.search(traceOpen);
      const startLine = this.line + countLines(segment, 0, Math.max(open, 0));
      if (open < 0 || !onlyComments(segment.slice(0, open))) {
        return this.fail({ code: 'invalid-xes', line: startLine, trace: this.traces + 1, message: `Line ${startLine}: a </trace> closes no <trace>, or text stands between traces; each trace must be one <trace>…</trace> element inside <log>.` });
      }
      this.traces += 1;
      const step = this.readTrace(segment.slice(open), startLine);
      if (!step.ok) return this.fail(step.problem);
      for (const row of step.rows) rows.push(row);
      this.line += countLines(segment);
      consumed = end;
    }
    this.pending = this.pending.slice(consumed);
    return { ok: true, rows };
  }

  end(): StreamStep {
    if (this.failed) return { ok: true, rows: [] };
    if (!this.inBody) {
      const header = this.readHeader(true);
      if (header) return header;
    }
    const open = this.pending.search(traceOpen);
    if (open >= 0) {
      const line = this.line + countLines(this.pending, 0, open);
      return this.fail({ code: 'invalid-xes', line, trace: this.traces + 1, message: `Line ${line}: trace ${this.traces + 1} is never closed; the file may be cut short (was the upload complete?).` });
    }
    const rest = this.pending.replace(/<\/(?:[\w.-]+:)?log\s*>/, '');
    if (rest.length === this.pending.length || !onlyComments(rest)) {
      return this.fail({ code: 'invalid-xes', line: this.line, message: `Line ${this.line}: the log does not end with </log> after its last trace; the file may be cut short.` });
    }
    if (this.traces === 0) return this.fail({ code: 'invalid-xes', message: 'The file holds no XES <trace> elements: is it an XES log?' });
    return { ok: true, rows: [] };
  }

  private fail(problem: ImportProblem): StreamStep {
    this.failed = true;
    return { ok: false, problem };
  }

  /** Checks the text before the first trace; undefined while all is well. */
  private readHeader(final = false): StreamStep | undefined {
    const open = this.pending.search(traceOpen);
    const header = open < 0 ? this.pending : this.pending.slice(0, open);
    if (/<!DOCTYPE|<!ENTITY/i.test(header)) return this.fail({ code: 'invalid-xes', line: 1 + countLines(header, 0, header.search(/<!DOCTYPE|<!ENTITY/i)), message: 'The XES file declares a DOCTYPE or entities, which Casemap does not accept.' });
    if (open < 0) {
      if (final) return this.fail({ code: 'invalid-xes', message: 'The file holds no XES <trace> elements: is it an XES log?' });
      if (this.pending.length > MAX_HEADER_CHARS) return this.fail({ code: 'invalid-xes', message: 'No <trace> in the first 16 MB of the file: is it an XES log?' });
      return undefined;
    }
    if (!/<(?:[\w.-]+:)?log[\s>]/.test(header)) return this.fail({ code: 'invalid-xes', line: 1, message: 'The file does not start with an XES <log> element: is it an XES log?' });
    this.inBody = true;
    this.line += countLines(header);
    this.pending = this.pending.slice(open);
    return undefined;
  }

  /** One `<trace>…</trace>`: the fast scanner reads the usual form; anything else (comments, entities, odd or broken markup) goes to saxen, which also names what is broken. */
  private readTrace(xml: string, startLine: number): StreamStep {
    const fast = new XesTraceBuilder(this.traces, startLine);
    if (scanCanonicalTrace(xml, fast)) return fast.finish();
    return readTraceWithSaxen(xml, new XesTraceBuilder(this.traces, startLine));
  }
}

/** Any well-formed trace, and the reason a broken one is refused (exported for the scanner's agreement test). */
export function readTraceWithSaxen(xml: string, builder: XesTraceBuilder): StreamStep {
  const parser = new Parser();
  parser.on('question', () => undefined);
  parser.on('attention', () => builder.refuse('a DOCTYPE, entity or CDATA section inside a trace is not accepted.'));
  parser.on('error', (error) => builder.refuse(`not well-formed XML (${error.message}).`));
  parser.on('openTag', (rawName, attrs, decode, selfClosing) => {
    if (!builder.wantsAttribute(rawName)) return builder.open(rawName, selfClosing);
    const a = attrs();
    builder.open(rawName, selfClosing, a.key ?? '', decode(a.value ?? ''));
  });
  parser.on('closeTag', (rawName, _decode, selfClosing) => builder.close(rawName, selfClosing));
  parser.parse(xml);
  return builder.finish();
}
