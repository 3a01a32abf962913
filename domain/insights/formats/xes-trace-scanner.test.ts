import { describe, expect, it } from 'vitest';
import { exportXes } from './xes-export.ts';
import { generateSyntheticLog } from '../synthetic-log.ts';
import { XesTraceBuilder } from './xes-trace-builder.ts';
import { scanCanonicalTrace } from './xes-trace-scanner.ts';
import { readTraceWithSaxen } from './xes-stream-reader.ts';

const fast = (xml: string) => {
  const builder = new XesTraceBuilder(1, 1);
  return scanCanonicalTrace(xml, builder) ? builder.finish() : 'declined';
};
const saxen = (xml: string) => readTraceWithSaxen(xml, new XesTraceBuilder(1, 1));
const event = (inner: string) => `<trace><string key="concept:name" value="c1"/><event>${inner}</event></trace>`;
const named = '<string key="concept:name" value="Refer"/>';
const at = '<date key="time:timestamp" value="2026-01-05T09:30:00.000Z"/>';

describe('the canonical XES trace scanner', () => {
  it('reads every trace of a Casemap export as saxen does, declining none', () => {
    const xml = exportXes(generateSyntheticLog({ seed: 7, cases: 40, start: '2026-01-01T00:00:00Z' }));
    const traces = xml.match(/<trace>[\s\S]*?<\/trace>/g)!;
    expect(traces.length).toBe(40);
    for (const trace of traces) {
      const read = fast(trace);
      expect(read).not.toBe('declined');
      expect(read).toEqual(saxen(trace));
    }
  });

  it.each([
    ['single quotes and spaces around tags', `<trace >\n\t<string key='concept:name' value='c 1' />\n<event >${named}${at}<string   key="org:resource"  value="tom"/></event ></trace>`],
    ['namespace prefixes', `<x:trace><x:string key="concept:name" value="c1"/><x:event>${named}${at}</x:event></x:trace>`],
    ['nested attributes, read only at the top', event(`${named}<string key="note" value="n"><string key="concept:name" value="inner"/></string>${at}`)],
    ['other attributes on an event', event(`${named}${at}`).replace('<event>', '<event id="e1">')],
    ['an event without a time, left out', event(named)],
    ['a bad timestamp, refused the same way', event(`${named}<date key="time:timestamp" value="soon"/>`)],
  ])('agrees with saxen on %s', (_, xml) => {
    const read = fast(xml);
    expect(read).not.toBe('declined');
    expect(read).toEqual(saxen(xml));
  });

  it.each([
    ['an entity in a value', event(`<string key="concept:name" value="Refer &amp; review"/>${at}`)],
    ['a comment', event(`<!-- note -->${named}${at}`)],
    ['CDATA', event(`<![CDATA[x]]>${named}${at}`)],
    ['text between tags', event(`text${named}${at}`)],
    ['a mismatched close tag', `<trace><event>${named}${at}</evnt></trace>`],
    ['an unclosed event', `<trace><event>${named}${at}</trace>`],
    ['an attribute without quotes', event(`<string key=concept:name value="x"/>${at}`)],
    ['a repeated value', event(`<string key="concept:name" value="a" value="b"/>${at}`)],
    ['a > inside a value', event(`<string key="concept:name" value="a>b"/>${at}`)],
    ['markup after the trace', `${event(`${named}${at}`)}<trace>`],
  ])('declines %s, leaving it to saxen', (_, xml) => {
    expect(fast(xml)).toBe('declined');
  });
});
