// Readiness of one API replica: can it reach the projection database and Temporal right now? A load
// balancer takes a replica out of its pool while this fails, so a request never lands where it
// could only be answered 503.
import type { Client } from '@temporalio/client';
import { Problem, type ProblemIssue } from '../problems/problem.ts';

/** Only what readiness needs of the store, so this module does not depend on where it lives. */
export interface Queryable {
  query(sql: string): Promise<unknown>;
}

/** Long enough for a loaded machine, short enough that a check interval of 1 s still means something. */
const CHECK_TIMEOUT_MS = 2_000;

function within<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);

/** Resolves when both answer; otherwise a 503 Problem naming each dependency at fault. */
export async function checkReadiness(db: Queryable, client: Client): Promise<{ database: 'ok'; temporal: 'ok' }> {
  const [database, temporal] = await Promise.allSettled([
    within(db.query('SELECT 1'), 'the database'),
    // A namespace lookup goes through the frontend to the persistence layer, not just to a socket.
    // A gRPC deadline rather than a race: the SDK retries an unreachable server, and only a deadline
    // ends those retries instead of leaving them running after the answer.
    client.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => client.workflowService.describeNamespace({ namespace: client.options.namespace })),
  ]);
  const issues: ProblemIssue[] = [];
  if (database.status === 'rejected') issues.push({ field: 'database', message: reason(database.reason) });
  if (temporal.status === 'rejected') issues.push({ field: 'temporal', message: reason(temporal.reason) });
  if (issues.length === 0) return { database: 'ok', temporal: 'ok' };
  const code = database.status === 'rejected' ? 'database-unavailable' : 'temporal-unavailable';
  throw new Problem(code, `This API replica is not ready: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}.`, issues);
}
