// After a run under faults: compares three truths for every case — Temporal (every workflow the
// namespace lists, its history, and for a running case its caseView query), the projection (the
// cases and tasks tables) and the event log — and holds the bots' ledger against them. Temporal's
// history is the truth: the event ids the workflow logged (history-case-log.ts), the completion
// Updates it accepted, the tasks it still has open.
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import type { Database } from '../../storage/database.ts';
import { caseEvents } from '../../storage/case-queries.ts';
import { caseViewQuery, workflowIdForCase } from '../../workflows/case-api.ts';
import type { CompletionLedger } from './bot-caseworkers.ts';
import { historyCaseLog, payloadDecoder } from './history-case-log.ts';
import { emptyThreeWay, type ThreeWayFigures } from './three-way-figures.ts';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export interface VerificationFigures {
  cases: number;
  completed: number;
  waiting: number;
  eventsCompared: number;
  completionsAcknowledged: number;
  /** Completions the workflow accepted whose 200 a kill swallowed; the retry then heard 409 task-not-open. */
  completionsAppliedUnacknowledged: number;
  /** Acknowledged completions the history does not hold. */
  completionsLost: number;
  /** Tasks the history holds more than one accepted completion of. */
  completionsDuplicated: number;
  /** Completions the bots began and never got a definitive answer for. */
  completionsUnsettled: number;
  threeWay: ThreeWayFigures;
  mismatches: number;
  problems: string[];
}

export interface StartRecord {
  /** Case ids the API answered 201 to. */
  acknowledged: string[];
  /** Case ids every Idempotency-Key the starter used maps to; any other workflow is a stray start. */
  keyed: Set<string>;
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

/** Every workflow the namespace lists (visibility), by workflow id, with its latest run's status. */
async function listWorkflows(client: Client): Promise<{ byId: Map<string, { status: string; type: string }>; runs: number }> {
  const byId = new Map<string, { status: string; type: string }>();
  let runs = 0;
  for await (const info of client.workflow.list()) {
    runs += 1;
    const known = byId.get(info.workflowId);
    if (!known || info.status.name !== 'CONTINUED_AS_NEW') byId.set(info.workflowId, { status: info.status.name, type: info.type });
  }
  return { byId, runs };
}

interface CaseFacts {
  status: string | undefined;
  events: number;
  problems: string[];
}

const difference = <T>(a: Set<T>, b: Set<T>) => [...a].filter((item) => !b.has(item));

async function verifyCase(client: Client, db: Database, caseId: string, ledger: CompletionLedger, figures: VerificationFigures): Promise<CaseFacts> {
  const problems: string[] = [];
  const threeWay = figures.threeWay;
  const decode = payloadDecoder(db);
  const handle = client.workflow.getHandle(workflowIdForCase(caseId));
  const status = await handle.describe().then(
    (description) => description.status.name as string,
    (error: unknown) => {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    },
  );
  const [record] = await db.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [caseId]);
  const rows = await db.query<{ id: string; status: string }>('SELECT id, status FROM tasks WHERE case_id = $1', [caseId]);
  const projected = await caseEvents(db, caseId);
  if (!status) {
    problems.push(`Temporal has no workflow for this case (case row ${record ? record.status : 'absent'}, ${rows.length} task rows, ${projected.length} logged events)`);
    return { status, events: 0, problems };
  }
  if (!record) problems.push(`workflow ${status} has no case row`);
  else {
    const expected = status === 'RUNNING' ? 'running' : status.toLowerCase();
    if (record.status === expected) threeWay.caseStatusAgreements += 1;
    else {
      threeWay.caseStatusDisagreements += 1;
      problems.push(`workflow ${status} but case row says ${record.status}`);
    }
  }

  // The event log as history has it: each recordCaseEvents activity is scheduled once (retries are
  // attempts of the same scheduled event), each fenced local write's marker recorded once, in order.
  const history = await caseHistory(client, caseId);
  const written = await historyCaseLog(history, decode);
  const writtenIds = written.map((event) => `${event.id} ${event.kind}`);
  const projectedIds = projected.map((event) => `${event.id} ${event.kind}`);
  if (new Set(writtenIds).size !== writtenIds.length) problems.push('history schedules an event id twice');
  if (JSON.stringify(writtenIds) !== JSON.stringify(projectedIds)) {
    const missing = writtenIds.filter((id) => !projectedIds.includes(id));
    const extra = projectedIds.filter((id) => !writtenIds.includes(id));
    threeWay.eventsMissingFromLog += missing.length;
    threeWay.eventsExtraInLog += extra.length;
    problems.push(`event log differs from history: ${missing.length} missing (${missing.slice(0, 3).join(', ')}), ${extra.length} extra (${extra.slice(0, 3).join(', ')}), ${projectedIds.length} vs ${writtenIds.length}`);
  }
  if (status === 'COMPLETED' && written.at(-1)?.kind !== 'case-completed') problems.push(`finished workflow, but its last logged event is ${written.at(-1)?.kind}`);

  // Tasks Temporal still has open: the live caseView of a running case (checked against what its
  // history logged), none for a closed one.
  const openPerHistory = new Set<string>();
  const cancelled = new Set<string>();
  for (const event of written) {
    if (event.kind === 'task-ready' && event.taskId) openPerHistory.add(event.taskId);
    else if ((event.kind === 'task-completed' || event.kind === 'task-cancelled') && event.taskId) openPerHistory.delete(event.taskId);
    else if (/^case-(completed|failed|cancelled)$/.test(event.kind)) openPerHistory.clear();
    if (event.kind === 'task-cancelled' && event.taskId) cancelled.add(`${caseId}:${event.taskId}`);
  }
  let openInTemporal = new Set<string>();
  if (status === 'RUNNING') {
    const view = await handle.query(caseViewQuery);
    openInTemporal = new Set(view.tasks.map((task) => `${caseId}:${task.taskId}`));
    const logged = new Set([...openPerHistory].map((taskId) => `${caseId}:${taskId}`));
    if (difference(openInTemporal, logged).length + difference(logged, openInTemporal).length > 0) problems.push(`caseView has open tasks ${[...openInTemporal].join(', ')}, history logged ${[...logged].join(', ')}`);
  }
  const openRows = new Set(rows.filter((row) => row.status === 'open' || row.status === 'claimed').map((row) => row.id));
  threeWay.taskRows += rows.length;
  threeWay.openTaskRows += openRows.size;
  threeWay.openTasksInTemporal += openInTemporal.size;
  const orphanRows = difference(openRows, openInTemporal);
  const missingRows = difference(openInTemporal, openRows);
  threeWay.openTaskRowsNotOpenInTemporal += orphanRows.length;
  threeWay.openTasksInTemporalWithoutOpenRow += missingRows.length;
  if (orphanRows.length > 0) problems.push(`open task rows Temporal does not have open: ${orphanRows.join(', ')}`);
  if (missingRows.length > 0) problems.push(`tasks open in Temporal without an open row: ${missingRows.join(', ')}`);

  // Completions: accepted completeTask Updates in history, per task row id.
  const accepted = new Map<string, number>();
  for (const event of history) {
    const request = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
    if (request?.input?.name !== 'completeTask') continue;
    const [args] = (await decode(request.input.args)) as [{ taskId: string }];
    accepted.set(`${caseId}:${args.taskId}`, (accepted.get(`${caseId}:${args.taskId}`) ?? 0) + 1);
  }
  const completedRows = new Set(rows.filter((row) => row.status === 'completed').map((row) => row.id));
  threeWay.completedTaskRows += completedRows.size;
  threeWay.completionsInHistory += accepted.size;
  const rowsWithoutCompletion = difference(completedRows, new Set(accepted.keys()));
  const completionsWithoutRow = difference(new Set(accepted.keys()), completedRows);
  threeWay.completedRowsWithoutCompletionInHistory += rowsWithoutCompletion.length;
  threeWay.completionsInHistoryWithoutCompletedRow += completionsWithoutRow.length;
  if (rowsWithoutCompletion.length > 0) problems.push(`task rows completed that history never completed: ${rowsWithoutCompletion.join(', ')}`);
  if (completionsWithoutRow.length > 0) problems.push(`completions in history whose task row is not completed: ${completionsWithoutRow.join(', ')}`);

  const loggedCompletions = projected.filter((event) => event.kind === 'task-completed');
  for (const [taskId, times] of accepted) {
    if (times > 1) {
      figures.completionsDuplicated += 1;
      problems.push(`task ${taskId} completed ${times} times in history`);
    }
    if (!ledger.attempted.has(taskId)) problems.push(`task ${taskId} completed, but no bot sent a completion for it`);
    if (!ledger.acknowledged.has(taskId)) figures.completionsAppliedUnacknowledged += 1;
    const logged = loggedCompletions.filter((event) => `${caseId}:${event.taskId}` === taskId);
    if (logged.length !== 1) problems.push(`completion of ${taskId} is in the event log ${logged.length} times`);
    const acknowledged = ledger.acknowledged.get(taskId);
    if (acknowledged && logged.length === 1 && JSON.stringify(logged[0]!.data) !== JSON.stringify(acknowledged)) problems.push(`completion of ${taskId} logged with ${JSON.stringify(logged[0]!.data)}, acknowledged with ${JSON.stringify(acknowledged)}`);
  }
  for (const taskId of ledger.acknowledged.keys()) {
    if (!taskId.startsWith(`${caseId}:`) || accepted.has(taskId)) continue;
    figures.completionsLost += 1;
    problems.push(`acknowledged completion of ${taskId} is not in history`);
  }
  for (const [taskId, reason] of ledger.moot) {
    if (taskId.startsWith(`${caseId}:`) && !accepted.has(taskId) && !cancelled.has(taskId)) problems.push(`completion of ${taskId} ended "${reason}", yet history neither completed nor cancelled the task`);
  }
  return { status, events: written.length, problems };
}

export async function verifyAll(client: Client, db: Database, starts: StartRecord, ledger: CompletionLedger): Promise<VerificationFigures> {
  const figures: VerificationFigures = { cases: 0, completed: 0, waiting: 0, eventsCompared: 0, completionsAcknowledged: ledger.acknowledged.size, completionsAppliedUnacknowledged: 0, completionsLost: 0, completionsDuplicated: 0, completionsUnsettled: 0, threeWay: emptyThreeWay(), mismatches: 0, problems: [] };
  const threeWay = figures.threeWay;
  const { byId, runs } = await listWorkflows(client);
  const caseWorkflows = new Set([...byId].filter(([, info]) => info.type === 'caseWorkflow').map(([id]) => id.replace(/^case-/, '')));
  threeWay.workflowsListed = byId.size;
  threeWay.workflowRuns = runs;
  threeWay.caseWorkflows = caseWorkflows.size;
  const caseRows = new Set((await db.query<{ id: string }>('SELECT id FROM cases')).map((row) => row.id));
  threeWay.caseRows = caseRows.size;
  threeWay.startsAcknowledged = new Set(starts.acknowledged).size;
  threeWay.workflowsWithoutCaseRow = difference(caseWorkflows, caseRows).length;
  threeWay.caseRowsNotListedAsWorkflows = difference(caseRows, caseWorkflows).length;
  threeWay.workflowsNotFromAStartKey = difference(caseWorkflows, starts.keyed).length;
  threeWay.acknowledgedStartsNotListed = difference(new Set(starts.acknowledged), caseWorkflows).length;
  for (const caseId of difference(caseWorkflows, starts.keyed)) figures.problems.push(`${caseId}: a workflow no start key of the harness accounts for (a second start?)`);
  for (const [workflowId, info] of byId) if (!caseWorkflows.has(workflowId.replace(/^case-/, ''))) figures.problems.push(`${workflowId}: unexpected ${info.type} workflow in the namespace`);

  const everyCase = [...new Set([...caseWorkflows, ...caseRows, ...starts.acknowledged])].sort();
  figures.cases = everyCase.length;
  let next = 0;
  // A few at a time: histories are fetched over one connection from a loaded dev server.
  await Promise.all(Array.from({ length: 6 }, async () => {
    while (next < everyCase.length) {
      const caseId = everyCase[next++]!;
      const facts = await verifyCase(client, db, caseId, ledger, figures);
      if (!facts.status) threeWay.caseRowsWithoutWorkflow += caseRows.has(caseId) ? 1 : 0;
      else if (facts.status === 'COMPLETED') figures.completed += 1;
      else if (facts.status === 'RUNNING') figures.waiting += 1;
      else facts.problems.push(`workflow ended ${facts.status}`);
      figures.eventsCompared += facts.events;
      if (facts.problems.length > 0) {
        figures.mismatches += 1;
        figures.problems.push(...facts.problems.map((problem) => `${caseId}: ${problem}`));
      }
    }
  }));

  for (const taskId of ledger.attempted.keys()) {
    if (ledger.acknowledged.has(taskId) || ledger.moot.has(taskId)) continue;
    const reason = ledger.refused.get(taskId);
    if (reason === undefined) figures.completionsUnsettled += 1;
    figures.problems.push(`${taskId}: completion ${reason === undefined ? 'never got a definitive answer' : `refused: ${reason}`}`);
  }
  return figures;
}
