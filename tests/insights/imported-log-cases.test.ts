// A kept log's report is built case by case from pages of rows (services/imported-logs.ts logTraces),
// so ten million events need not sit in memory; it must be the report of the whole log read at once,
// however the pages fall (a page boundary inside a case is read to the case's end).
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseLog, analyseTraces } from '../../domain/insights/analyse.ts';
import { exportXes } from '../../domain/insights/formats/xes-export.ts';
import { exportOcel } from '../../domain/insights/formats/ocel-export.ts';
import { generateSyntheticLog } from '../../domain/insights/synthetic-log.ts';
import { importLog, logEvents, logTraces } from '../../services/imported-logs.ts';
import { openPglite, type Database } from '../../storage/database.ts';
import { migrate } from '../../storage/migrate.ts';
import type { UserRecord } from '../../storage/identity-store.ts';
import { keptLogFoldsSettled } from '../../services/kept-log-folds.ts';

const analyst = { id: 'analyst', username: 'analyst', displayName: 'Analyst', roles: ['analyst'], teams: [], leadOf: [] } as unknown as UserRecord;
const log = generateSyntheticLog({ seed: 77, cases: 150, start: '2026-01-05T09:00:00Z' });

describe('a kept log read case by case', () => {
  let db: Database;
  let xesId: string;
  let ocelId: string;
  beforeAll(async () => {
    db = openPglite();
    await migrate(db);
    const keep = async (format: 'xes' | 'jsonocel', text: string) => {
      const result = await importLog(db, { body: Readable.from([Buffer.from(text)]), format, name: `log.${format}`, importedBy: analyst.id });
      if (!result.ok) throw new Error(result.failure.message);
      return result.log.id;
    };
    xesId = await keep('xes', exportXes(log));
    ocelId = await keep('jsonocel', JSON.stringify(exportOcel(log)));
  }, 60_000);
  afterAll(async () => {
    await keptLogFoldsSettled();
    await db?.close();
  });

  const whole = async (id: string, range = {}) => {
    const { events } = (await logEvents(db, analyst, id, range))!;
    const now = events.reduce((max, e) => (e.at > max ? e.at : max), events[0]?.at ?? new Date(0).toISOString());
    return analyseLog(events, { now });
  };

  it.each([7, 100, 1000, 100_000])('gives the whole-log report with pages of %i rows', async (pageRows) => {
    const found = (await logTraces(db, analyst, xesId, {}, pageRows))!;
    expect(found.traces).toHaveLength(150);
    expect(analyseTraces(found.traces, { now: found.now })).toEqual(await whole(xesId));
  });

  it('gives the whole-log report of a date range and of an OCEL flattening', async () => {
    const range = { from: '2026-01-20T00:00:00Z', to: '2026-03-01T00:00:00Z' };
    const ranged = (await logTraces(db, analyst, xesId, range, 50))!;
    expect(analyseTraces(ranged.traces, { now: ranged.now })).toEqual(await whole(xesId, range));
    const ocel = (await logTraces(db, analyst, ocelId, {}, 50))!;
    expect(analyseTraces(ocel.traces, { now: ocel.now })).toEqual(await whole(ocelId));
  });

  it('answers undefined for a log the caller may not see', async () => {
    expect(await logTraces(db, { ...analyst, id: 'someone-else', roles: ['analyst'] } as UserRecord, xesId)).toBeUndefined();
  });
});
