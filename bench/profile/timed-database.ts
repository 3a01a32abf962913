// A store wrapper for the completion profile: it times every query and transaction and, when the
// call runs inside a Temporal activity, notes which one (workflow id and activity id), so the
// projection write's database time can be set beside the activity's own history timestamps.
import { Context } from '@temporalio/activity';
import type { Database, Sql } from '../../storage/database.ts';

export interface TimedCall {
  kind: 'query' | 'transaction';
  /** Epoch milliseconds (sub-millisecond), the same clock as Temporal's history event times. */
  startMs: number;
  endMs: number;
  /** Set when the call ran inside an activity: `<workflowId>/<activityId>`. */
  activity?: string;
}

export const nowMs = (): number => performance.timeOrigin + performance.now();

/** The running activity's key, or undefined outside an activity (the API, the codec, the bench). */
function currentActivity(): string | undefined {
  try {
    const info = Context.current().info;
    return info.workflowExecution ? `${info.workflowExecution.workflowId}/${info.activityId}` : undefined;
  } catch {
    return undefined;
  }
}

export interface TimedDatabase {
  db: Database;
  calls: TimedCall[];
}

export function timeDatabase(inner: Database): TimedDatabase {
  const calls: TimedCall[] = [];
  async function timed<T>(kind: TimedCall['kind'], work: () => Promise<T>): Promise<T> {
    const startMs = nowMs();
    try {
      return await work();
    } finally {
      calls.push({ kind, startMs, endMs: nowMs(), activity: currentActivity() });
    }
  }
  const db: Database = {
    kind: inner.kind,
    query: (text, params) => timed('query', () => inner.query(text, params)),
    // Queries inside a transaction count towards the transaction, not once more on their own.
    transaction: <T>(work: (tx: Sql) => Promise<T>) => timed('transaction', () => inner.transaction(work)),
    close: () => inner.close(),
  };
  return { db, calls };
}
