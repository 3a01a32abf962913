// Exports a case log as IEEE 1849 (XES) XML: one trace per case, one event per task lifecycle transition.
import type { CaseLogEvent } from '../../events/case-log-event.ts';
import { lifecycleTraces } from './lifecycle-events.ts';

// XML 1.0 cannot hold control characters other than tab, line feed and carriage return.
const xmlChars = (value: string): string => {
  let out = '';
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) out += ch;
  }
  return out;
};

export const escapeXml = (value: string): string =>
  xmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const attr = (type: 'string' | 'date' | 'int', key: string, value: string | number) => `<${type} key="${key}" value="${escapeXml(String(value))}"/>`;

/** The file line by line, so a log too large for one string can be written as a stream (bench/insights/import-size.ts). */
export function* xesLines(log: readonly CaseLogEvent[]): Generator<string> {
  yield* [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<log xes.version="1849-2016" xes.features="nested-attributes" xmlns="http://www.xes-standard.org/">',
    '  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>',
    '  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>',
    '  <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>',
    '  <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>',
    '  <extension name="Identity" prefix="identity" uri="http://www.xes-standard.org/identity.xesext"/>',
    `  <global scope="trace">${attr('string', 'concept:name', '')}</global>`,
    `  <global scope="event">${attr('string', 'concept:name', '')}${attr('date', 'time:timestamp', '1970-01-01T00:00:00.000Z')}${attr('string', 'lifecycle:transition', 'complete')}</global>`,
    '  <classifier name="Activity" keys="concept:name"/>',
    '  <classifier name="Activity and transition" keys="concept:name lifecycle:transition"/>',
    `  ${attr('string', 'concept:name', 'Casemap case log')}`,
  ];
  for (const trace of lifecycleTraces(log)) {
    yield `  <trace>${attr('string', 'concept:name', trace.caseId)}${trace.definitionId ? attr('string', 'casemap:definitionId', trace.definitionId) : ''}${trace.version !== undefined ? attr('int', 'casemap:version', trace.version) : ''}${attr('string', 'casemap:outcome', trace.outcome)}`;
    for (const e of trace.events) {
      yield `    <event>${attr('string', 'concept:name', e.activity)}${attr('date', 'time:timestamp', e.at)}${attr('string', 'lifecycle:transition', e.lifecycle)}` +
        `${e.resource ? attr('string', 'org:resource', e.resource) : ''}${e.team ? attr('string', 'org:group', e.team) : ''}${attr('string', 'identity:id', e.eventId)}` +
        `${attr('string', 'casemap:nodeId', e.nodeId)}${attr('string', 'casemap:taskId', e.taskId)}</event>`;
    }
    yield '  </trace>';
  }
  yield '</log>';
}

export function exportXes(log: readonly CaseLogEvent[]): string {
  return `${[...xesLines(log)].join('\n')}\n`;
}
