// Kept logs on PostgreSQL are written with COPY … FROM STDIN: the rows must be the ones the INSERT
// path (PGlite's) stores, value for value, and a log refused after some batches were copied must
// still leave nothing behind.
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from '../../bench/reliability/postgres-server.ts';
import { exportCsv } from '../../domain/insights/formats/csv-export.ts';
import { exportOcel } from '../../domain/insights/formats/ocel-export.ts';
import { exportXes } from '../../domain/insights/formats/xes-export.ts';
import { generateSyntheticLog } from '../../domain/insights/synthetic-log.ts';
import type { ImportedLogFormat } from '../../domain/insights/imported-log.ts';
import { importLog } from '../../services/imported-logs.ts';
import { openPostgres, type Database } from '../../storage/database.ts';
import { migrate } from '../../storage/migrate.ts';
import { keptLogFoldsSettled } from '../../services/kept-log-folds.ts';

// Over 20,000 rows, so a log takes several COPY batches.
const log = generateSyntheticLog({ seed: 1849, cases: 1000, start: '2026-01-05T09:00:00Z' });
const csvMapping = { caseId: 'case_id', activity: 'activity', timestamp: 'timestamp' };
// COPY's text format gives tab, line feed, carriage return and backslash a meaning; empty optional columns are NULL.
const awkward = 'case_id,activity,timestamp,lifecycle,resource,team\r\n"c\\1","Tab\there","2026-01-05T09:00:00Z",,,\r\n"c\\1","Line\nbreak\r\nand \\N","2026-01-05T10:00:00Z",complete,"ré\\source",\r\n';

describe('kept logs written with COPY on PostgreSQL', () => {
  let server: PostgresServer;
  let db: Database;
  // The same database without COPY: every batch goes through INSERT … SELECT FROM unnest, as on PGlite.
  let insertOnly: Database;

  beforeAll(async () => {
    server = await startPostgres();
    db = openPostgres(server.url);
    await migrate(db);
    insertOnly = { ...db, transaction: (work) => db.transaction((tx) => work({ query: (text, params) => tx.query(text, params) })) } as Database;
  }, 120_000);
  afterAll(async () => {
    await keptLogFoldsSettled();
    await db?.close();
    server?.stop();
  });

  const keep = async (into: Database, format: ImportedLogFormat, body: string | Buffer) => {
    const result = await importLog(into, { body: Readable.from([Buffer.from(body)]), format, name: `log.${format}`, importedBy: 'analyst', ...(format === 'csv' ? { mapping: csvMapping } : {}) });
    if (!result.ok) throw new Error(result.failure.message);
    return result.log;
  };
  const rows = (id: string) => db.query(`SELECT seq, case_id, activity, at, lifecycle, resource, team, object_type, qualifiers FROM imported_log_events WHERE log_id = $1 ORDER BY object_type, seq, case_id`, [id]);
  /** An OCEL log's objects, relations and events (migration 021), in a fixed order. */
  const ocelTables = async (id: string) => ({
    objects: await db.query('SELECT object_id, object_type, attributes FROM imported_log_objects WHERE log_id = $1 ORDER BY object_id', [id]),
    relations: await db.query('SELECT source_id, target_id, qualifier FROM imported_log_object_relations WHERE log_id = $1 ORDER BY source_id, target_id, qualifier', [id]),
    events: await db.query('SELECT seq, event_id, activity, at, attributes FROM imported_log_ocel_events WHERE log_id = $1 ORDER BY seq', [id]),
  });

  it.each([
    ['XES', 'xes' as const, exportXes(log)],
    ['CSV with tabs, line breaks and backslashes in its values', 'csv' as const, awkward + exportCsv(log).split('\r\n').slice(1).join('\r\n')],
    ['OCEL 2.0', 'jsonocel' as const, JSON.stringify(exportOcel(log))],
  ])('stores %s row for row as the INSERT path does', async (_, format, body) => {
    const copied = await keep(db, format, body);
    const inserted = await keep(insertOnly, format, body);
    const [a, b] = [await rows(copied.id), await rows(inserted.id)];
    expect(a.length).toBeGreaterThan(20_000);
    expect(a).toEqual(b);
    expect({ ...copied, id: '', importedAt: '', name: '' }).toEqual({ ...inserted, id: '', importedAt: '', name: '' });
    const [objectsCopied, objectsInserted] = [await ocelTables(copied.id), await ocelTables(inserted.id)];
    expect(objectsCopied).toEqual(objectsInserted);
    // Only OCEL keeps objects: the synthetic log has its cases, tasks and teams as objects, each task related to its case.
    expect(objectsCopied.objects.length).toBe(format === 'jsonocel' ? new Set(a.map((row) => (row as { case_id: string }).case_id)).size : 0);
  });

  it("stores an OCEL log's objects, relations, events and qualifiers with awkward values as the INSERT path does", async () => {
    const awkwardOcel = JSON.stringify({
      objectTypes: [],
      eventTypes: [],
      objects: [
        { id: 'o\\1', type: 'order', attributes: [{ name: 'note', time: '1970-01-01T00:00:00Z', value: 'Tab\there\nand "quotes" {braces}, \\N' }, { name: 'note', time: '2026-01-02T00:00:00Z', value: 7 }], relationships: [{ objectId: 'i,1', qualifier: 'has "a"\\ b' }] },
        { id: 'i,1', type: 'item' },
      ],
      events: [{ id: 'e\t1', type: 'Refer', time: '2026-01-01T09:00:00Z', attributes: [{ name: 'channel', value: 'web\r\n' }], relationships: [{ objectId: 'o\\1', qualifier: 'q{1}' }, { objectId: 'o\\1', qualifier: 'q,"2"' }, { objectId: 'i,1', qualifier: '' }] }],
    });
    const [copied, inserted] = [await keep(db, 'jsonocel', awkwardOcel), await keep(insertOnly, 'jsonocel', awkwardOcel)];
    expect(await ocelTables(copied.id)).toEqual(await ocelTables(inserted.id));
    expect(await rows(copied.id)).toEqual(await rows(inserted.id));
    expect(await ocelTables(copied.id)).toEqual({
      objects: [
        { object_id: 'i,1', object_type: 'item', attributes: null },
        { object_id: 'o\\1', object_type: 'order', attributes: [['note', '1970-01-01T00:00:00.000Z', 'Tab\there\nand "quotes" {braces}, \\N'], ['note', '2026-01-02T00:00:00.000Z', '7']] },
      ],
      relations: [{ source_id: 'o\\1', target_id: 'i,1', qualifier: 'has "a"\\ b' }],
      events: [{ seq: 0, event_id: 'e\t1', activity: 'Refer', at: '2026-01-01T09:00:00.000Z', attributes: [['channel', 'web\r\n']] }],
    });
    expect((await rows(copied.id)).map((row) => [(row as { case_id: string }).case_id, (row as { qualifiers: string[] }).qualifiers])).toEqual([['i,1', ['']], ['o\\1', ['q{1}', 'q,"2"']]]);
  });

  it('keeps the awkward values exactly', async () => {
    const kept = await keep(db, 'csv', awkward);
    expect(await db.query('SELECT case_id, activity, lifecycle, resource, team FROM imported_log_events WHERE log_id = $1 ORDER BY seq', [kept.id])).toEqual([
      { case_id: 'c\\1', activity: 'Tab\there', lifecycle: null, resource: null, team: null },
      { case_id: 'c\\1', activity: 'Line\nbreak\r\nand \\N', lifecycle: 'complete', resource: 'ré\\source', team: null },
    ]);
  });

  it('stores a gzipped upload as the same rows as the plain file', async () => {
    const csv = exportCsv(log);
    const plain = await keep(db, 'csv', csv);
    const zipped = await keep(db, 'csv', gzipSync(csv));
    expect(await rows(zipped.id)).toEqual(await rows(plain.id));
  });

  it('refuses a log whose last line is broken after several batches were copied, and keeps nothing of it', async () => {
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM imported_log_events');
    const lines = exportCsv(log).trimEnd().split('\r\n');
    lines.push('case-x,Refer,not-a-date,complete,,');
    const result = await importLog(db, { body: Readable.from([Buffer.from(lines.join('\r\n'))]), format: 'csv', name: 'broken.csv', importedBy: 'analyst', mapping: csvMapping });
    expect(result).toMatchObject({ ok: false, failure: { code: 'invalid-timestamp', line: lines.length } });
    expect(await db.query<{ n: number }>('SELECT count(*)::int AS n FROM imported_log_events')).toEqual(before);
    expect(await db.query('SELECT id FROM imported_logs WHERE name = $1', ['broken.csv'])).toEqual([]);
  });
});
