// What the duplication report reads: each definition's latest deployed IR, the task events of the
// log (with each case's definition), and the clusters marked intended.
import { CaseLogEvent } from '../domain/events/case-log-event.ts';
import { ProcessIR } from '../domain/process/ir.ts';
import type { IntendedMark, LibraryEntry } from '../domain/duplication/types.ts';
import type { Sql } from './database.ts';
import { confirmedEvent } from './confirmed-events.ts';

/** The latest deployed version of every definition, as the duplication library. */
export async function latestDeployedLibrary(sql: Sql): Promise<LibraryEntry[]> {
  const rows = await sql.query<{ definition_id: string; name: string; ir: unknown }>(
    `SELECT DISTINCT ON (v.definition_id) v.definition_id, d.name, v.ir
     FROM definition_versions v JOIN definitions d ON d.id = v.definition_id
     ORDER BY v.definition_id, v.version DESC`,
  );
  return rows.map((row) => ({ definitionId: row.definition_id, name: row.name, ir: ProcessIR.parse(row.ir) }));
}

export interface DuplicationEvents {
  events: CaseLogEvent[];
  caseDefinitions: Record<string, string>;
}

/** Task events (ready, claimed, completed) since `since` (ISO), oldest first, and each case's definition. */
export async function taskEventsForDuplication(sql: Sql, since?: string): Promise<DuplicationEvents> {
  const rows = await sql.query<{ id: string; case_id: string; kind: string; node_id: string | null; task_id: string | null; team: string | null; actor: string | null; at: string; data: Record<string, unknown>; definition_id: string }>(
    `SELECT e.id, e.case_id, e.kind, e.node_id, e.task_id, e.team, e.actor, e.at, e.data, c.definition_id
     FROM events e JOIN cases c ON c.id = e.case_id
     WHERE e.kind IN ('task-ready', 'task-claimed', 'task-completed') AND ${confirmedEvent('e')} AND ($1::timestamptz IS NULL OR e.at >= $1::timestamptz)
     ORDER BY e.seq`,
    [since ?? null],
  );
  const caseDefinitions: Record<string, string> = {};
  const events = rows.map((row) => {
    caseDefinitions[row.case_id] = row.definition_id;
    return CaseLogEvent.parse({
      id: row.id,
      caseId: row.case_id,
      kind: row.kind,
      at: row.at,
      data: row.data ?? {},
      ...(row.node_id ? { nodeId: row.node_id } : {}),
      ...(row.task_id ? { taskId: row.task_id } : {}),
      ...(row.team ? { team: row.team } : {}),
      ...(row.actor ? { actor: row.actor } : {}),
    });
  });
  return { events, caseDefinitions };
}

export async function listIntended(sql: Sql): Promise<Array<IntendedMark & { markedBy: string | null; markedAt: string }>> {
  const rows = await sql.query<{ cluster_key: string; reason: string; marked_by: string | null; marked_at: string }>(
    'SELECT cluster_key, reason, marked_by, marked_at FROM duplication_intended ORDER BY cluster_key',
  );
  return rows.map((row) => ({ clusterKey: row.cluster_key, reason: row.reason, markedBy: row.marked_by, markedAt: row.marked_at }));
}

/** Marks a cluster intended; marking it again replaces the reason. */
export async function markIntended(sql: Sql, mark: IntendedMark & { markedBy: string }): Promise<void> {
  await sql.query(
    `INSERT INTO duplication_intended (cluster_key, reason, marked_by) VALUES ($1, $2, $3)
     ON CONFLICT (cluster_key) DO UPDATE SET reason = EXCLUDED.reason, marked_by = EXCLUDED.marked_by, marked_at = now()`,
    [mark.clusterKey, mark.reason, mark.markedBy],
  );
}
