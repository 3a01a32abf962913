// For the store's tests: a migrated database (PGlite, or PostgreSQL under DATABASE_URL) with one
// deployed process, a builder of one case's log events numbered as the workflow numbers them, and a
// snapshot of every row the case's log is projected into.
import type { CaseLogEvent } from '../../domain/events/case-log-event.ts';
import type { Database } from '../database.ts';
import { openTestStore } from './test-store.ts';

export const SAMPLE_DEFINITION = 'Process_sample';

/** In-memory PGlite, or a scratch database of its own when DATABASE_URL names a PostgreSQL server. */
export async function openSampleStore(): Promise<Database> {
  const db = await openTestStore();
  await db.query(`INSERT INTO definitions (id, name) VALUES ($1, 'Sample')`, [SAMPLE_DEFINITION]);
  for (const version of [1, 2]) {
    await db.query(`INSERT INTO definition_versions (definition_id, version, ir_hash, bpmn_xml, ir) VALUES ($1, $2, 'h', '<definitions/>', '{}')`, [SAMPLE_DEFINITION, version]);
  }
  return db;
}

type Draft = Omit<CaseLogEvent, 'id' | 'caseId' | 'at' | 'data'> & { data?: Record<string, unknown> };

/** Numbers events `<caseId>:<n>` from 1, a second apart, as one case's workflow would. */
export function caseLogBuilder(caseId: string) {
  let position = 0;
  const start = Date.parse('2026-12-01T09:00:00Z');
  return {
    next(draft: Draft): CaseLogEvent {
      position += 1;
      return { ...draft, data: draft.data ?? {}, id: `${caseId}:${position}`, caseId, at: new Date(start + position * 1000).toISOString() };
    },
    /** Renumbers from `n` on, as a retried workflow task counts again from where history left it. */
    rewindTo(n: number): void {
      position = n - 1;
    },
    started(team = 'fno-returns'): CaseLogEvent {
      return this.next({ kind: 'case-started', team, actor: 'tom', data: { definitionId: SAMPLE_DEFINITION, version: 1, workflowId: `case-${caseId}`, data: { ref: 'R-1' }, startedBy: 'tom' } });
    },
    taskReady(taskId: string, nodeId: string, extra: Partial<NonNullable<CaseLogEvent['task']>> = {}): CaseLogEvent {
      return this.next({ kind: 'task-ready', taskId, nodeId, team: 'fno-returns', task: { name: `Step ${nodeId}`, team: 'fno-returns', form: [], priority: 0, ...extra } });
    },
  };
}

/** Every row projected from the case's log, in a stable order. */
export async function projectionSnapshot(db: Database, caseId: string): Promise<Record<string, unknown[]>> {
  return {
    cases: await db.query('SELECT * FROM cases WHERE id = $1', [caseId]),
    tasks: await db.query('SELECT * FROM tasks WHERE case_id = $1 ORDER BY id', [caseId]),
    messageSubscriptions: await db.query('SELECT * FROM message_subscriptions WHERE case_id = $1 ORDER BY subscription_id', [caseId]),
    signalSubscriptions: await db.query('SELECT * FROM signal_subscriptions WHERE case_id = $1 ORDER BY subscription_id', [caseId]),
  };
}

export async function loggedKinds(db: Database, caseId: string): Promise<string[]> {
  return (await db.query<{ id: string; kind: string }>('SELECT id, kind FROM events WHERE case_id = $1 ORDER BY seq', [caseId])).map((row) => `${row.id} ${row.kind}`);
}

/** A case that passes through every kind of event the projection applies. */
export function eventfulCase(caseId: string, ending: 'running' | 'completed'): CaseLogEvent[] {
  const log = caseLogBuilder(caseId);
  const events = [
    log.started(),
    log.taskReady('t1', 'Task_check', { dueAt: '2026-12-03T09:00:00.000Z', instance: { index: 0, count: 2, bodyId: 'b1' } }),
    log.taskReady('t2', 'Task_check', { handoffFrom: 'prison-casework', acceptBy: '2026-12-02T09:00:00.000Z', instance: { index: 1, count: 2, bodyId: 'b1' } }),
    log.next({ kind: 'task-claimed', taskId: 't1', actor: 'tom', team: 'fno-returns' }),
    log.next({ kind: 'task-returned', taskId: 't1', actor: 'tom', team: 'fno-returns' }),
    log.next({ kind: 'task-reassigned', taskId: 't1', actor: 'lena', team: 'fno-returns', data: { toUser: 'tom', toTeam: 'fno-returns' } }),
    log.next({ kind: 'handoff-accepted', taskId: 't2', actor: 'lena', team: 'fno-returns' }),
    log.next({ kind: 'task-completed', taskId: 't1', actor: 'tom', team: 'fno-returns', nodeId: 'Task_check', data: { ersDate: '2027-01-10' } }),
    log.next({ kind: 'ownership-changed', nodeId: 'Lane_prison', team: 'prison-casework', data: { fromTeam: 'fno-returns', toTeam: 'prison-casework' } }),
    log.next({ kind: 'message-awaited', nodeId: 'Catch_travel', data: { subscriptionId: 's1', messageName: 'travel-document', correlationKey: 'R-1' } }),
    log.next({ kind: 'message-awaited', nodeId: 'Catch_other', data: { subscriptionId: 's2', messageName: 'other' } }),
    log.next({ kind: 'signal-awaited', nodeId: 'Catch_amnesty', data: { subscriptionId: 'g1', signalName: 'amnesty' } }),
    log.next({ kind: 'message-wait-ended', data: { subscriptionId: 's2' } }),
    log.next({ kind: 'timer-fired', nodeId: 'Timer_1', data: { timerId: 'x' } }),
    log.next({
      kind: 'case-migrated',
      actor: 'designer',
      data: { migrationId: 'm1', fromVersion: 1, toVersion: 2, moves: [], tasksKept: [{ taskId: 't2', nodeId: 'Task_check2', name: 'Check again', team: 'prison-casework', form: [] }] },
    }),
    log.taskReady('t3', 'Task_decide'),
    log.next({ kind: 'task-cancelled', taskId: 't3', data: { reason: 'boundary' } }),
  ];
  if (ending === 'completed') events.push(log.next({ kind: 'case-completed', data: { data: { outcome: 'returned' } } }));
  return events;
}
