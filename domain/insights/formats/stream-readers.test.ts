import { describe, expect, it } from 'vitest';
import { generateSyntheticLog } from '../synthetic-log.ts';
import { exportCsv } from './csv-export.ts';
import { exportXes } from './xes-export.ts';
import { CsvStreamReader } from './csv-stream-reader.ts';
import { XesStreamReader } from './xes-stream-reader.ts';
import { importCsv } from './csv-import.ts';
import { importXes } from './xes-import.ts';
import { importRows, type LogRow } from './log-rows.ts';

const log = generateSyntheticLog({ seed: 11, cases: 30, start: '2026-01-05T09:00:00Z' });

/** Feeds `text` in pieces of `size` characters, as a network stream would. */
function feed(reader: CsvStreamReader | XesStreamReader, text: string, size: number) {
  const rows: LogRow[] = [];
  for (let i = 0; i < text.length; i += size) {
    const step = reader.push(text.slice(i, i + size));
    if (!step.ok) return step;
    rows.push(...step.rows);
  }
  const last = reader.end();
  if (!last.ok) return last;
  rows.push(...last.rows);
  return { ok: true as const, rows };
}

function eventsOf(rows: LogRow[]) {
  const result = importRows(rows, {});
  if (!result.ok) throw new Error(result.problem.message);
  return result.events;
}

describe('streaming log readers', () => {
  it('reads an XES log fed in small pieces to the same events as the whole-file reader', () => {
    const xes = exportXes(log);
    const whole = importXes(xes);
    if (!whole.ok) throw new Error(whole.problem.message);
    for (const size of [7, 100, 65_536]) {
      const streamed = feed(new XesStreamReader(), xes, size);
      if (!streamed.ok) throw new Error(streamed.problem.message);
      expect(eventsOf(streamed.rows)).toEqual(whole.events);
    }
  });

  it('reads a CSV log fed in small pieces to the same events as the whole-file reader', () => {
    const csv = exportCsv(log);
    const whole = importCsv(csv);
    if (!whole.ok) throw new Error(whole.problem.message);
    for (const size of [5, 333, 65_536]) {
      const streamed = feed(new CsvStreamReader(), csv, size);
      if (!streamed.ok) throw new Error(streamed.problem.message);
      expect(eventsOf(streamed.rows)).toEqual(whole.events);
    }
  });

  it('keeps a quoted line break inside one CSV field, across pieces', () => {
    const csv = 'case_id,activity,timestamp\r\nc1,"Check\nform",2026-01-05T09:00:00Z\r\nc1,Decide,2026-01-05T10:00:00Z\r\n';
    const streamed = feed(new CsvStreamReader(), csv, 3);
    expect(streamed.ok && streamed.rows.map((r) => r.activity)).toEqual(['Check\nform', 'Decide']);
  });

  it('names the CSV line of a timestamp that is not a date-time', () => {
    const csv = 'case_id,activity,timestamp\nc1,"Check\nform",2026-01-05T09:00:00Z\nc1,Decide,yesterday\n';
    const streamed = feed(new CsvStreamReader(), csv, 4);
    expect(streamed).toMatchObject({ ok: false, problem: { code: 'invalid-timestamp', line: 4 } });
    expect(!streamed.ok && streamed.problem.message).toContain('Line 4');
  });

  it('reads a quote inside an unquoted CSV field as text, as the whole-file reader does', () => {
    const csv = 'case_id,activity,timestamp,note\nc1,Fit 5" pipe,2026-01-05T09:00:00Z,"first\nsecond"\nc1,Decide,2026-01-05T10:00:00Z,\n';
    const whole = importCsv(csv);
    if (!whole.ok) throw new Error(whole.problem.message);
    for (const size of [3, 100]) {
      const streamed = feed(new CsvStreamReader(), csv, size);
      if (!streamed.ok) throw new Error(streamed.problem.message);
      expect(streamed.rows.map((r) => r.activity)).toEqual(['Fit 5" pipe', 'Decide']);
      expect(eventsOf(streamed.rows)).toEqual(whole.events);
    }
  });

  it('names the first CSV line at fault, whatever comes after it', () => {
    const csv = 'case_id,activity,timestamp\nc1,Decide,yesterday\nc1,"Check"ed,2026-01-05T09:00:00Z\n';
    for (const size of [3, 100]) expect(feed(new CsvStreamReader(), csv, size)).toMatchObject({ ok: false, problem: { code: 'invalid-timestamp', line: 2 } });
  });

  it('counts CSV lines ended by a carriage return alone, across pieces', () => {
    const csv = 'case_id,activity,timestamp\rc1,Check,2026-01-05T09:00:00Z\rc1,Decide,\r';
    for (const size of [4, 100]) expect(feed(new CsvStreamReader(), csv, size)).toMatchObject({ ok: false, problem: { code: 'invalid-timestamp', line: 3 } });
  });

  it('names the missing column of a CSV header', () => {
    const streamed = feed(new CsvStreamReader({ activity: 'step' }), 'case_id,activity,timestamp\n', 100);
    expect(streamed).toMatchObject({ ok: false, problem: { code: 'missing-column', line: 1 } });
  });

  it('names the trace, line and event of an XES timestamp that is not a date-time', () => {
    const xes = exportXes(log).replace(/(<trace>[\s\S]*?<trace>[\s\S]*?<event>[\s\S]*?<event>[\s\S]*?time:timestamp" value=")[^"]+/, '$1not-a-date');
    const streamed = feed(new XesStreamReader(), xes, 1000);
    expect(streamed).toMatchObject({ ok: false, problem: { code: 'invalid-timestamp', trace: 2, event: 2 } });
    const line = xes.split('\n').findIndex((l) => l.includes('<trace>') && xes.split('\n').slice(0, xes.split('\n').indexOf(l)).some((p) => p.includes('<trace>'))) + 1;
    expect(!streamed.ok && streamed.problem.line).toBe(line);
  });

  it('refuses an XES file cut short inside a trace, naming the trace', () => {
    const xes = exportXes(log);
    const cut = xes.slice(0, xes.lastIndexOf('<event>'));
    const streamed = feed(new XesStreamReader(), cut, 4096);
    expect(streamed).toMatchObject({ ok: false, problem: { code: 'invalid-xes', trace: 30 } });
  });

  it('refuses an XES file with a DOCTYPE', () => {
    const streamed = feed(new XesStreamReader(), '<?xml version="1.0"?><!DOCTYPE log [<!ENTITY x "y">]><log><trace></trace></log>', 10);
    expect(streamed).toMatchObject({ ok: false, problem: { code: 'invalid-xes' } });
  });

  it('refuses an XES trace that is not well-formed, naming it', () => {
    const streamed = feed(new XesStreamReader(), '<log>\n<trace><string key="concept:name" value="a"/></trace>\n<trace><event><string key="concept:name" value="x"></event></trace>\n</log>', 10);
    expect(streamed).toMatchObject({ ok: false, problem: { code: 'invalid-xes', trace: 2, line: 3 } });
  });
});
