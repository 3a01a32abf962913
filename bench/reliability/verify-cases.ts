// After a run under faults: compares, case by case, what Temporal's history says happened with what
// the projection store holds and what the bots were told. The history is the truth: the event ids
// the workflow handed to `recordCaseEvents` and the completion Updates it accepted.
import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { Database } from '../../storage/database.ts';
import { caseEvents } from '../../storage/case-queries.ts';
import { workflowIdForCase } from '../../workflows/case-api.ts';
import type { CompletionLedger } from './bot-caseworkers.ts';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export interface CaseVerdict {
  caseId: string;
  status: string;
  problems: string[];
}

export interface VerificationFigures {
  cases: number;
  completed: number;
  waiting: number;
  eventsCompared: number;
  completionsAcknowledged: number;
  completionsAppliedUnacknowledged: number;
  mismatches: number;
  problems: string[];
}

/** All runs of a case, oldest first, following continue-as-new back to the first. */
export async function caseHistory(client: Client, caseId: string): Promise<HistoryEvent[]> {
  const workflowId = workflowIdForCase(caseId);
  const runs: HistoryEvent[][] = [];
  let runId: string | undefined;
  for (;;) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events = history.events ?? [];
    runs.unshift(events);
    const previous = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
    if (!previous) return runs.flat();
    runId = previous;
  }
}

const decode = (payloads: temporal.api.common.v1.IPayloads | null | undefined): unknown[] => (payloads?.payloads ?? []).map((payload) => defaultPayloadConverter.fromPayload(payload));

export async function verifyCase(client: Client, db: Database, caseId: string, ledger: CompletionLedger, taskIdsOfCase: string[]): Promise<CaseVerdict & { events: number; unacknowledged: number }> {
  const problems: string[] = [];
  const history = await caseHistory(client, caseId);
  const description = await client.workflow.getHandle(workflowIdForCase(caseId)).describe();
  const status = description.status.name;

  // What the workflow asked to be written, in order: each recordCaseEvents activity is scheduled once
  // (retries are attempts of the same scheduled event), so this list is the log as history has it.
  const written = history
    .filter((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'recordCaseEvents')
    .flatMap((event) => (decode(event.activityTaskScheduledEventAttributes?.input)[0] as { id: string; kind: string; taskId?: string }[]) ?? []);
  const projected = await caseEvents(db, caseId);
  const writtenIds = written.map((event) => `${event.id} ${event.kind}`);
  const projectedIds = projected.map((event) => `${event.id} ${event.kind}`);
  if (new Set(writtenIds).size !== writtenIds.length) problems.push('history schedules an event id twice');
  if (JSON.stringify(writtenIds) !== JSON.stringify(projectedIds)) {
    const missing = writtenIds.filter((id) => !projectedIds.includes(id));
    const extra = projectedIds.filter((id) => !writtenIds.includes(id));
    problems.push(`event log differs from history: ${missing.length} missing (${missing.slice(0, 3).join(', ')}), ${extra.length} extra (${extra.slice(0, 3).join(', ')}), ${projectedIds.length} vs ${writtenIds.length}`);
  }
  if (status === 'COMPLETED' && written.at(-1)?.kind !== 'case-completed') problems.push(`finished workflow, but its last logged event is ${written.at(-1)?.kind}`);

  // Completions: accepted completeTask Updates in history, per engine task id.
  const accepted = new Map<string, number>();
  for (const event of history) {
    const request = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
    if (request?.input?.name !== 'completeTask') continue;
    const [args] = decode(request.input.args) as [{ taskId: string; data: Record<string, unknown> }];
    accepted.set(`${caseId}:${args.taskId}`, (accepted.get(`${caseId}:${args.taskId}`) ?? 0) + 1);
  }
  const loggedCompletions = projected.filter((event) => event.kind === 'task-completed');
  let unacknowledged = 0;
  for (const [taskId, times] of accepted) {
    if (times > 1) problems.push(`task ${taskId} completed ${times} times in history`);
    if (!ledger.attempted.has(taskId)) problems.push(`task ${taskId} completed, but no bot sent a completion for it`);
    if (!ledger.acknowledged.has(taskId)) unacknowledged += 1;
  }
  for (const taskId of taskIdsOfCase) {
    const acknowledged = ledger.acknowledged.get(taskId);
    if (!acknowledged) continue;
    if (accepted.get(taskId) !== 1) problems.push(`acknowledged completion of ${taskId} is in history ${accepted.get(taskId) ?? 0} times`);
    const logged = loggedCompletions.filter((event) => `${caseId}:${event.taskId}` === taskId || event.taskId === taskId);
    if (logged.length !== 1) problems.push(`acknowledged completion of ${taskId} is in the event log ${logged.length} times`);
    else if (JSON.stringify(logged[0]!.data) !== JSON.stringify(acknowledged)) problems.push(`completion of ${taskId} logged with ${JSON.stringify(logged[0]!.data)}, acknowledged with ${JSON.stringify(acknowledged)}`);
  }
  if (loggedCompletions.length !== [...accepted.values()].reduce((sum, n) => sum + n, 0)) problems.push(`${loggedCompletions.length} completions logged, ${accepted.size} accepted in history`);

  // Projection of the case record itself.
  const [record] = await db.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [caseId]);
  if (status === 'COMPLETED' && record?.status !== 'completed') problems.push(`workflow completed but case record says ${record?.status}`);
  return { caseId, status, problems, events: written.length, unacknowledged };
}

export async function verifyAll(client: Client, db: Database, caseIds: string[], ledger: CompletionLedger): Promise<VerificationFigures> {
  const tasksByCase = new Map<string, string[]>();
  for (const taskId of ledger.attempted.keys()) {
    const caseId = taskId.split(':')[0]!;
    tasksByCase.set(caseId, [...(tasksByCase.get(caseId) ?? []), taskId]);
  }
  const figures: VerificationFigures = { cases: caseIds.length, completed: 0, waiting: 0, eventsCompared: 0, completionsAcknowledged: 0, completionsAppliedUnacknowledged: 0, mismatches: 0, problems: [] };
  for (const caseId of caseIds) {
    const verdict = await verifyCase(client, db, caseId, ledger, tasksByCase.get(caseId) ?? []);
    if (verdict.status === 'COMPLETED') figures.completed += 1;
    else if (verdict.status === 'RUNNING') figures.waiting += 1;
    else verdict.problems.push(`workflow ended ${verdict.status}`);
    figures.eventsCompared += verdict.events;
    figures.completionsAppliedUnacknowledged += verdict.unacknowledged;
    if (verdict.problems.length > 0) {
      figures.mismatches += 1;
      figures.problems.push(...verdict.problems.map((problem) => `${caseId}: ${problem}`));
    }
  }
  figures.completionsAcknowledged = ledger.acknowledged.size;
  return figures;
}
