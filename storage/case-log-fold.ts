// Folds one ended case of a process's own log into the insight aggregates (migration 020): in the transaction that projects its end, or by the catch-up for cases ended before; its insight_cases row marks it folded, so it is added exactly once.
import type { Sql } from './database.ts';
import { caseLog } from './insights-queries.ts';
import { ALL_TIME_BUCKET } from './insight-rollup.ts';
import { buildTraces } from '../domain/insights/case-traces.ts';
import { caseContribution } from '../domain/insights/case-contribution.ts';
import type { DurationSums } from '../domain/insights/aggregate-case-times.ts';
import { blockStart } from '../domain/insights/aggregate-buckets.ts';

export const definitionSource = (definitionId: string) => `definition:${definitionId}`;

interface Column {
  name: string;
  type: string;
  /** How a second case's value joins the row's: a key, added, the least, the greatest. */
  join: 'key' | 'sum' | 'min' | 'max';
}

const key = (name: string): Column => ({ name, type: 'text', join: 'key' });
const sum = (name: string, type = 'bigint'): Column => ({ name, type, join: 'sum' });
const durationColumns = (name: string): Column[] => [sum(`${name}_n`), sum(`${name}_sum`), sum(`${name}_sumsq`, 'numeric'), { name: `${name}_min`, type: 'bigint', join: 'min' }, { name: `${name}_max`, type: 'bigint', join: 'max' }];
const durationValues = (d: DurationSums) => [d.count, d.sum, d.sumsq.toString(), d.min, d.max];
const SCOPE: Column[] = [key('source'), key('flattening'), key('span'), { name: 'bucket', type: 'date', join: 'key' }, { name: 'version', type: 'int', join: 'key' }];

/**
 * Adds rows to an aggregate table: a new key is inserted, an existing one summed into. Rows go in
 * key order, so two cases ending at once lock shared rows in the same order and never deadlock.
 */
async function addRows(tx: Sql, table: string, columns: readonly Column[], rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const keys = columns.filter((c) => c.join === 'key').map((c) => c.name);
  const joined = columns.filter((c) => c.join !== 'key').map((c) => {
    const mine = `${table}.${c.name}`;
    const theirs = `EXCLUDED.${c.name}`;
    return `${c.name} = ${c.join === 'sum' ? `${mine} + ${theirs}` : `${c.join === 'min' ? 'least' : 'greatest'}(${mine}, ${theirs})`}`;
  });
  await tx.query(
    `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')})
     SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')}) AS u(${columns.map((c) => c.name).join(', ')})
      ORDER BY ${keys.join(', ')}
     ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${joined.join(', ')}`,
    columns.map((_, i) => rows.map((row) => row[i])),
  );
}

/** The case's variant number in the source, made when the variant is new (under a lock, so two new variants never take one number). */
async function variantId(tx: Sql, source: string, variant: string): Promise<number> {
  const find = async () => (await tx.query<{ id: number }>(`SELECT variant_id AS id FROM insight_variants WHERE source = $1 AND flattening = '' AND md5(variant) = md5($2) AND variant = $2`, [source, variant]))[0]?.id;
  const found = await find();
  if (found !== undefined) return found;
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${source} variants`]);
  const again = await find();
  if (again !== undefined) return again;
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO insight_variants (source, flattening, variant_id, variant)
     SELECT $1, '', coalesce(max(variant_id), 0) + 1, $2 FROM insight_variants WHERE source = $1 AND flattening = '' RETURNING variant_id AS id`,
    [source, variant],
  );
  return row!.id;
}

/**
 * Folds a case that has ended, unless it is folded already (a replayed end, a projection rebuild, a
 * catch-up racing another): the insight_cases insert is the claim, and a second one finds the row —
 * or waits for the transaction holding it and then finds it. False when nothing was added.
 */
export async function foldEndedCase(tx: Sql, caseId: string): Promise<boolean> {
  const [row] = await tx.query<{ definitionId: string; version: number; folded: boolean }>(
    `SELECT c.definition_id AS "definitionId", c.version,
            EXISTS (SELECT 1 FROM insight_cases i WHERE i.source = 'definition:' || c.definition_id AND i.flattening = '' AND i.case_id = c.id) AS folded
       FROM cases c WHERE c.id = $1 AND c.ended_at IS NOT NULL`,
    [caseId],
  );
  if (!row || row.folded) return false;
  const [trace] = buildTraces(await caseLog(tx, caseId));
  if (!trace || Number.isNaN(trace.endedAt)) return false;
  const source = definitionSource(row.definitionId);
  const folded = caseContribution(trace);
  const variant = folded.variant === null ? null : await variantId(tx, source, folded.variant);
  const claimed = await tx.query(
    `INSERT INTO insight_cases (source, flattening, case_id, version, started_at, duration_ms, variant_id, steps, repeats)
     VALUES ($1, '', $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING 1`,
    [source, caseId, row.version, new Date(folded.startedAt).toISOString(), folded.durationMs, variant, folded.steps, folded.repeats],
  );
  if (claimed.length === 0) return false;
  // Every row four times: its day, its block of the month, its month and all time, so reads need no roll-up.
  const spans = [['day', folded.day], ['block', blockStart(folded.day)], ['month', `${folded.day.slice(0, 8)}01`], ['all', ALL_TIME_BUCKET]] as const;
  const scoped = (values: unknown[][]) => spans.flatMap(([span, bucket]) => values.map((v) => [source, '', span, bucket, row.version, ...v]));
  await addRows(
    tx, 'insight_edges',
    [...SCOPE, key('team'), key('from_activity'), key('to_activity'), sum('occurrences'), sum('sum_ms'), sum('sumsq_ms', 'numeric'), { name: 'min_ms', type: 'bigint', join: 'min' }, { name: 'max_ms', type: 'bigint', join: 'max' }, sum('loops'), sum('loop_cases')],
    scoped(folded.edges.map((e) => [e.team, e.from, e.to, e.occurrences, e.sum, e.sumsq.toString(), e.min, e.max, e.loops, e.loopCases])),
  );
  await addRows(
    tx, 'insight_activities',
    [...SCOPE, key('team'), key('activity'), sum('completions'), sum('starts'), sum('ends'), sum('cases'), sum('cases_repeated')],
    scoped(folded.activities.map((a) => [a.team, a.activity, a.completions, a.starts, a.ends, a.cases, a.casesRepeated])),
  );
  await addRows(
    tx, 'insight_handoffs',
    [...SCOPE, key('from_team'), key('to_team'), sum('handoffs'), sum('accepted'), sum('overdue'), ...durationColumns('delay')],
    scoped([...folded.times.handoffs.values()].map((h) => [h.fromTeam, h.toTeam, h.handoffs, h.accepted, h.overdue, ...durationValues(h.delay)])),
  );
  await addRows(
    tx, 'insight_activity_times',
    [...SCOPE, key('team'), key('activity'), sum('executions'), sum('completed'), sum('cases'), ...durationColumns('waiting'), ...durationColumns('processing'), ...durationColumns('sojourn')],
    scoped([...folded.times.activities.values()].map((a) => [a.team, a.activity, a.executions, a.completed, a.cases, ...durationValues(a.waiting), ...durationValues(a.processing), ...durationValues(a.sojourn)])),
  );
  return true;
}

/**
 * The fold a case's end runs, in the transaction that projects it. A fold that fails must not fail
 * the case's end (the workflow's write would be retried for ever): it is undone to a savepoint and
 * the case, left without its marker, is folded by the next catch-up (at start-up).
 */
export async function foldCaseAtEnd(tx: Sql, caseId: string, log: (message: string) => void = console.warn): Promise<void> {
  await tx.query('SAVEPOINT insight_fold');
  try {
    await foldEndedCase(tx, caseId);
    await tx.query('RELEASE SAVEPOINT insight_fold');
  } catch (error) {
    await tx.query('ROLLBACK TO SAVEPOINT insight_fold');
    log(`Case ${caseId} ended without its insight fold; the next catch-up folds it (${String(error)}).`);
  }
}

/** Ended cases not folded yet (ended before migration 020), of one definition or of all, a page at a time after the last one read (definition, case). */
export async function unfoldedEndedCases(sql: Sql, definitionId: string | null, after: readonly [string, string] | null, limit: number): Promise<{ definitionId: string; id: string }[]> {
  return sql.query(
    `SELECT c.definition_id AS "definitionId", c.id FROM cases c
      WHERE c.ended_at IS NOT NULL AND ($1::text IS NULL OR c.definition_id = $1) AND ($2::text IS NULL OR (c.definition_id, c.id) > ($2, $3))
        AND NOT EXISTS (SELECT 1 FROM insight_cases i WHERE i.source = 'definition:' || c.definition_id AND i.flattening = '' AND i.case_id = c.id)
      ORDER BY c.definition_id, c.id LIMIT $4`,
    [definitionId, after?.[0] ?? null, after?.[1] ?? null, limit],
  );
}
