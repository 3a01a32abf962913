// Imports an IEEE 1849 (XES) event log with saxen (the XML parser bpmn-moddle itself uses), refusing DTDs.
import { Parser } from 'saxen';
import { parseInstant } from '../iso-instant.ts';
import { importRows, type ImportOptions, type ImportResult, type LogRow } from './log-rows.ts';

const attributeTags = new Set(['string', 'date', 'int', 'float', 'boolean', 'id']);

/** Reads trace `concept:name` and event `concept:name`, `time:timestamp`, `lifecycle:transition`, `org:resource`, `org:group`. */
export function importXes(xml: string, options: ImportOptions = {}): ImportResult {
  const rows: LogRow[] = [];
  const stack: string[] = [];
  let failure: string | undefined;
  let traceName: string | undefined;
  let traceEvents: Omit<LogRow, 'caseId'>[] = [];
  let event: Partial<LogRow> | undefined;
  let traces = 0;
  const parser = new Parser();
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  parser.on('question', () => undefined);
  parser.on('attention', (text) => {
    if (/^<!DOCTYPE/i.test(text) || /^<!ENTITY/i.test(text)) failure ??= 'The XES file declares a DOCTYPE or entities, which Casemap does not accept.';
  });
  parser.on('error', (error) => {
    failure ??= `The XES file is not well-formed XML: ${error.message}`;
  });
  parser.on('openTag', (rawName, attrs, decode, selfClosing) => {
    const name = local(rawName);
    const parent = stack[stack.length - 1];
    if (name === 'trace') {
      traces += 1;
      traceName = undefined;
      traceEvents = [];
    } else if (name === 'event' && parent === 'trace') event = {};
    else if (attributeTags.has(name) && (parent === 'event' || parent === 'trace')) {
      const a = attrs();
      const key = a.key ?? '';
      const value = decode(a.value ?? '');
      if (parent === 'trace' && key === 'concept:name') traceName = value;
      else if (parent === 'event' && event) {
        if (key === 'concept:name') event.activity = value;
        else if (key === 'time:timestamp') event.at = parseInstant(value);
        else if (key === 'lifecycle:transition') event.lifecycle = value;
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
      if (event.activity !== undefined && event.at !== undefined) {
        if (Number.isNaN(event.at)) failure ??= `Trace ${traces}: an event of "${event.activity}" has a time:timestamp that is not a date-time.`;
        traceEvents.push(event as Omit<LogRow, 'caseId'>);
      }
      event = undefined;
    } else if (name === 'trace') {
      const caseId = traceName ?? `trace-${traces}`;
      for (const e of traceEvents) rows.push({ ...e, caseId });
    }
  });
  parser.parse(xml);
  if (failure) return { ok: false, problem: { code: failure.includes('time:timestamp') ? 'invalid-timestamp' : 'invalid-xes', message: failure } };
  if (traces === 0) return { ok: false, problem: { code: 'invalid-xes', message: 'The file holds no XES <trace> elements: is it an XES log?' } };
  return importRows(rows, options);
}
