// Reads an XES event log piece by piece as it arrives: the text is cut at each </trace> and every trace is parsed on its own with saxen (the XML parser bpmn-moddle uses; DTDs refused), so memory holds one trace, not the file. xes-import.ts feeds it a whole string.
import { Parser } from 'saxen';
import { parseInstant } from '../iso-instant.ts';
import type { ImportProblem, LogRow } from './log-rows.ts';
import type { StreamStep } from './csv-stream-reader.ts';

const attributeTags = new Set(['string', 'date', 'int', 'float', 'boolean', 'id']);
const traceOpen = /<(?:[\w.-]+:)?trace[\s>/]/;
const traceClose = /<\/(?:[\w.-]+:)?trace\s*>/g;
/** The text before the first trace (log attributes, extensions, globals, classifiers) is small in any real log. */
const MAX_HEADER_CHARS = 16 * 1024 * 1024;

function countLines(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let k = text.indexOf('\n', from); k >= 0 && k < to; k = text.indexOf('\n', k + 1)) n += 1;
  return n;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);
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

  /** One `<trace>…</trace>`: its concept:name and its events with a name and a timestamp. */
  private readTrace(xml: string, startLine: number): StreamStep {
    const trace = this.traces;
    const events: Omit<LogRow, 'caseId'>[] = [];
    const stack: string[] = [];
    let traceName: string | undefined;
    let event: Partial<LogRow> | undefined;
    let ordinal = 0;
    let problem: ImportProblem | undefined;
    const where = () => `Trace ${trace} (from line ${startLine})${ordinal > 0 ? `, event ${ordinal}` : ''}`;
    const parser = new Parser();
    parser.on('question', () => undefined);
    parser.on('attention', () => {
      problem ??= { code: 'invalid-xes', line: startLine, trace, message: `${where()}: a DOCTYPE, entity or CDATA section inside a trace is not accepted.` };
    });
    parser.on('error', (error) => {
      problem ??= { code: 'invalid-xes', line: startLine, trace, ...(ordinal > 0 ? { event: ordinal } : {}), message: `${where()}: not well-formed XML (${error.message}).` };
    });
    parser.on('openTag', (rawName, attrs, decode, selfClosing) => {
      const name = local(rawName);
      const parent = stack[stack.length - 1];
      if (name === 'event' && parent === 'trace') {
        ordinal += 1;
        event = {};
      } else if (attributeTags.has(name) && (parent === 'event' || parent === 'trace')) {
        const a = attrs();
        const key = a.key ?? '';
        const value = decode(a.value ?? '');
        if (parent === 'trace' && key === 'concept:name') traceName = value;
        else if (parent === 'event' && event) {
          if (key === 'concept:name') event.activity = value;
          else if (key === 'time:timestamp') {
            event.at = parseInstant(value);
            if (Number.isNaN(event.at)) problem ??= { code: 'invalid-timestamp', line: startLine, trace, event: ordinal, message: `${where()}: time:timestamp "${value}" is not a date-time; XES uses ISO 8601 such as 2026-01-05T09:30:00.000+01:00.` };
          } else if (key === 'lifecycle:transition') event.lifecycle = value;
          else if (key === 'org:resource') event.resource = value;
          else if (key === 'org:group') event.team = value;
        }
      }
      if (!selfClosing) stack.push(name);
    });
    parser.on('closeTag', (rawName, _decode, selfClosing) => {
      const name = local(rawName);
      if (!selfClosing) stack.pop();
      if (name === 'event' && event && stack[stack.length - 1] === 'trace') {
        // An event without a name or a time cannot be placed in a flow; XES allows it, so it is left out, as PM4Py's dataframe conversion does.
        if (event.activity !== undefined && event.at !== undefined) events.push(event as Omit<LogRow, 'caseId'>);
        event = undefined;
      }
    });
    parser.parse(xml);
    if (!problem && stack.length > 0) problem = { code: 'invalid-xes', line: startLine, trace, message: `${where()}: <${stack[stack.length - 1]}> is never closed.` };
    if (problem) return { ok: false, problem };
    const caseId = traceName ?? `trace-${trace}`;
    return { ok: true, rows: events.map((e) => ({ ...e, caseId })) };
  }
}
