// Folds a kept log's handoffs and waiting vs working (migration 017): its rows read case by case in pages, paired per case in TypeScript (SQL does not reproduce the import's start/complete pairing), the sums written in a few statements.
import type { Sql } from './database.ts';
import { CaseTimesFold, type DurationSums } from '../domain/insights/aggregate-case-times.ts';
import type { LogRow } from '../domain/insights/formats/log-rows.ts';

/** Rows per read: a page holds whole cases (the last, perhaps cut short, is read again with the next page). */
const CASE_TIMES_PAGE = 50_000;
/** Aggregate rows per INSERT. */
const BATCH = 5000;

interface Page { f: string; c: string; a: string; t: number; l: string | null; g: string | null }

const columns = `object_type AS f, case_id AS c, activity AS a, (extract(epoch FROM at) * 1000)::float8 AS t, lifecycle AS l, team AS g`;

/** Every case of every flattening, in (object type, case) order, each case's rows in time then file order, as `importedLogRows` reads them. */
async function* casesOf(tx: Sql, logId: string, size: number): AsyncGenerator<{ flattening: string; rows: LogRow[] }> {
  let after: [string, string] | undefined;
  for (;;) {
    const page = after
      ? await tx.query<Page>(`SELECT ${columns} FROM imported_log_events WHERE log_id = $1 AND (object_type, case_id) > ($2, $3) ORDER BY object_type, case_id, at, seq LIMIT ${size}`, [logId, ...after])
      : await tx.query<Page>(`SELECT ${columns} FROM imported_log_events WHERE log_id = $1 ORDER BY object_type, case_id, at, seq LIMIT ${size}`, [logId]);
    if (page.length === 0) return;
    const last = page[page.length - 1]!;
    // A full page may end inside a case: that case is read whole from the next page, unless it fills the page alone.
    let end = page.length;
    if (page.length === size) while (end > 0 && page[end - 1]!.f === last.f && page[end - 1]!.c === last.c) end -= 1;
    if (end === 0) {
      yield { flattening: last.f, rows: (await tx.query<Page>(`SELECT ${columns} FROM imported_log_events WHERE log_id = $1 AND object_type = $2 AND case_id = $3 ORDER BY at, seq`, [logId, last.f, last.c])).map(toRow) };
      after = [last.f, last.c];
      continue;
    }
    let from = 0;
    for (let i = 1; i <= end; i += 1) {
      if (i < end && page[i]!.f === page[from]!.f && page[i]!.c === page[from]!.c) continue;
      yield { flattening: page[from]!.f, rows: page.slice(from, i).map(toRow) };
      from = i;
    }
    if (page.length < size) return;
    after = [page[end - 1]!.f, page[end - 1]!.c];
  }
}

function toRow(row: Page): LogRow {
  return { caseId: row.c, activity: row.a, at: row.t, ...(row.l === null ? {} : { lifecycle: row.l }), ...(row.g === null ? {} : { team: row.g }) };
}

const sumColumns = (sums: readonly DurationSums[]) => [sums.map((s) => s.count), sums.map((s) => s.sum), sums.map((s) => s.sumsq.toString()), sums.map((s) => s.min), sums.map((s) => s.max)];

/** Writes the day rows of handoffs and step times of every flattening of a log (the caller rolls them up). */
export async function foldKeptLogCaseTimes(tx: Sql, logId: string, source: string, page = CASE_TIMES_PAGE): Promise<void> {
  const folds = new Map<string, CaseTimesFold>();
  for await (const { flattening, rows } of casesOf(tx, logId, page)) {
    let fold = folds.get(flattening);
    if (!fold) folds.set(flattening, (fold = new CaseTimesFold()));
    fold.addCase(rows);
  }
  for (const [flattening, fold] of folds) {
    const handoffs = [...fold.handoffs.values()];
    for (let i = 0; i < handoffs.length; i += BATCH) {
      const batch = handoffs.slice(i, i + BATCH);
      await tx.query(
        `INSERT INTO insight_handoffs (source, flattening, span, bucket, version, from_team, to_team, handoffs, accepted, overdue, delay_n, delay_sum, delay_sumsq, delay_min, delay_max)
         SELECT $1, $2, 'day', d, 0, ft, tt, h, a, o, n, s, q, mi, ma
           FROM unnest($3::date[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], $11::numeric[], $12::bigint[], $13::bigint[]) AS u(d, ft, tt, h, a, o, n, s, q, mi, ma)`,
        [source, flattening, batch.map((h) => h.day), batch.map((h) => h.fromTeam), batch.map((h) => h.toTeam), batch.map((h) => h.handoffs), batch.map((h) => h.accepted), batch.map((h) => h.overdue), ...sumColumns(batch.map((h) => h.delay))],
      );
    }
    const activities = [...fold.activities.values()];
    for (let i = 0; i < activities.length; i += BATCH) {
      const batch = activities.slice(i, i + BATCH);
      await tx.query(
        `INSERT INTO insight_activity_times (source, flattening, team, span, bucket, version, activity, executions, completed, cases,
                                             waiting_n, waiting_sum, waiting_sumsq, waiting_min, waiting_max,
                                             processing_n, processing_sum, processing_sumsq, processing_min, processing_max,
                                             sojourn_n, sojourn_sum, sojourn_sumsq, sojourn_min, sojourn_max)
         SELECT $1, $2, t, 'day', d, 0, a, e, c, k, wn, ws, wq, wmi, wma, pn, ps, pq, pmi, pma, sn, ss, sq, smi, sma
           FROM unnest($3::date[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[],
                       $9::bigint[], $10::bigint[], $11::numeric[], $12::bigint[], $13::bigint[],
                       $14::bigint[], $15::bigint[], $16::numeric[], $17::bigint[], $18::bigint[],
                       $19::bigint[], $20::bigint[], $21::numeric[], $22::bigint[], $23::bigint[])
             AS u(d, t, a, e, c, k, wn, ws, wq, wmi, wma, pn, ps, pq, pmi, pma, sn, ss, sq, smi, sma)`,
        [
          source, flattening, batch.map((s) => s.day), batch.map((s) => s.team), batch.map((s) => s.activity), batch.map((s) => s.executions), batch.map((s) => s.completed), batch.map((s) => s.cases),
          ...sumColumns(batch.map((s) => s.waiting)), ...sumColumns(batch.map((s) => s.processing)), ...sumColumns(batch.map((s) => s.sojourn)),
        ],
      );
    }
  }
}
