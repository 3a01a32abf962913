// Records the Temporal histories of finished cases (one per executable construct family) into
// tests/replay/histories/, for tests/replay/replay.test.ts to replay against today's workflow code.
// Histories already in the corpus are kept: after a `patched()` change they stand for cases started
// on the older code, which must keep replaying (docs/versioning.md). Only missing histories are
// written; name scenarios to re-record theirs, or pass --all to re-record the whole corpus:
//   npx tsx tests/replay/record-histories.ts [--all | scenario …]
// The crash-restart-*.json histories come from the reliability harness instead:
//   npx tsx bench/reliability/run-crash-restart.ts --cases 24 --faults 6 --record-histories tests/replay/histories
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { findTemporalCli } from '../../runtime/temporal-binaries.ts';
import { freePort } from '../../runtime/free-port.ts';
import { cancelCaseSignal, migrateCaseUpdate, reassignTaskUpdate, returnTaskUpdate, type Actor } from '../../workflows/case-api.ts';
import { findDeployedVersion } from '../../storage/definition-store.ts';
import { deployIr, migrationProcesses } from '../workflows/support/migration-processes.ts';
import { bpmnError } from '../../activities/service-handlers/bpmn-error.ts';
import { startTemporalDevServer } from '../../runtime/temporal-dev-server.ts';
import { EngineHarness, eventually, fixture, quietRuntime } from '../workflows/support/engine-harness.ts';

const historiesDir = fileURLToPath(new URL('./histories', import.meta.url));

/** History names mapped to the case whose history they are (or to a case and one of its runs). */
type Recorded = Record<string, string | { caseId: string; runId: string }>;
type Scenario = (engine: EngineHarness) => Promise<Recorded>;

const priya: Actor = { userId: 'priya', teams: ['prison-casework'], leadOf: [], roles: [] };
const tom: Actor = { userId: 'tom', teams: ['fno-returns'], leadOf: [], roles: [] };
const prisonLead: Actor = { userId: 'pat', teams: ['prison-casework'], leadOf: ['prison-casework'], roles: [] };

async function missDeadlines(engine: EngineHarness): Promise<string> {
  const { caseId } = await engine.startCase('Process_deadlines');
  await eventually(() => engine.lifecycle(caseId), (kinds) => kinds.includes('sla-breached'));
  await engine.completeStep(caseId, 'Task_refer', {}, priya);
  await eventually(() => engine.lifecycle(caseId), (kinds) => kinds.includes('handoff-overdue'));
  await engine.completeStep(caseId, 'Task_decide', {}, tom);
  return caseId;
}

async function childOf(engine: EngineHarness, parentId: string): Promise<string> {
  const [child] = await eventually(
    () => engine.db.query<{ id: string }>('SELECT id FROM cases WHERE id LIKE $1', [`${parentId}.%`]),
    (rows) => rows.length === 1,
  );
  return child!.id;
}

/** Version 1 of a hand-built process, a case on it, version 2, and the case migrated (docs/migration.md). */
async function migratedCase(engine: EngineHarness, kind: 'userTask' | 'timer', before: (caseId: string) => Promise<void>): Promise<string> {
  const definitionId = `Process_migrated_${kind}`;
  await deployIr(engine.db, definitionId, migrationProcesses[kind].v1());
  const { caseId } = await engine.startCase(definitionId);
  await before(caseId);
  await deployIr(engine.db, definitionId, migrationProcesses[kind].v2());
  const to = await findDeployedVersion(engine.db, definitionId, 2);
  const mappings = kind === 'userTask' ? [{ source: 'assess', target: 'assess' }] : [{ source: 'cool', target: 'cool' }];
  await engine.handle(caseId).executeUpdate(migrateCaseUpdate, { args: [{ migrationId: `record-${kind}`, definitionId, fromVersion: 1, toVersion: 2, mappings, actor: 'designer' }, to!.ir], updateId: `record-${kind}:${caseId}` });
  return caseId;
}

const scenarios: Record<string, Scenario> = {
  /** The case log written by the fenced local activity (patch `case-log-fenced-local-write`): Updates, a timer, a message. */
  async 'fenced-local-write'(engine) {
    const tasks = await engine.startCase('Process_parallel');
    await engine.completeStep(tasks.caseId, 'Task_risk', { risk: 'high' });
    await engine.completeStep(tasks.caseId, 'Task_escort', { escorts: 2 });
    await engine.completeStep(tasks.caseId, 'Task_book');
    const waits = await engine.startCase('Process_intermediate');
    await eventually(() => engine.view(waits.caseId), (view) => view.waitingFor.length === 1);
    await engine.message(waits.caseId, 'Flight confirmed', { flight: 'BA1' });
    return { 'fenced-parallel-user-tasks': tasks.caseId, 'fenced-intermediate-timer-message': waits.caseId };
  },
  async 'migrated-cases'(engine) {
    const task = await migratedCase(engine, 'userTask', async (caseId) => {
      await engine.claim(caseId, (await engine.waitForTask(caseId, 'assess')).taskId);
    });
    await engine.complete(task, (await engine.waitForTask(task, 'assess')).taskId);
    await engine.completeStep(task, 'check');
    const timer = await migratedCase(engine, 'timer', async () => {});
    await engine.completeStep(timer, 'after');
    return { 'migrated-user-task': task, 'migrated-timer': timer };
  },
  async 'exclusive-gateway'(engine) {
    const { caseId } = await engine.startCase('Process_exclusive', { score: 6, nationality: 'NG' });
    return { 'exclusive-gateway': caseId };
  },
  async 'parallel-user-tasks'(engine) {
    const { caseId } = await engine.startCase('Process_parallel');
    await engine.completeStep(caseId, 'Task_risk', { risk: 'high' });
    await engine.completeStep(caseId, 'Task_escort', { escorts: 2 });
    await engine.completeStep(caseId, 'Task_book');
    return { 'parallel-user-tasks': caseId };
  },
  async 'inclusive-gateway'(engine) {
    const { caseId } = await engine.startCase('Process_inclusive', { asylumClaim: true, appealLodged: false });
    await engine.completeStep(caseId, 'Task_asylum');
    return { 'inclusive-gateway': caseId };
  },
  async 'service-error-boundary'(engine) {
    const ok = await engine.startCase('Process_service_error', { documentValid: true });
    const failed = await engine.startCase('Process_service_error', { documentValid: false });
    await engine.completeStep(failed.caseId, 'Task_new_document');
    return { 'service-task': ok.caseId, 'service-error-boundary': failed.caseId };
  },
  async 'event-gateway'(engine) {
    const message = await engine.startCase('Process_event_gateway');
    const timer = await engine.startCase('Process_event_gateway');
    await engine.message(message.caseId, 'Documents received', { documents: 1 });
    return { 'event-gateway-message': message.caseId, 'event-gateway-timer': timer.caseId };
  },
  async 'intermediate-and-receive'(engine) {
    const intermediate = await engine.startCase('Process_intermediate');
    const receive = await engine.startCase('Process_receive', { prisonNumber: 'A1' });
    await engine.message(receive.caseId, 'Travel document issued', {}, 'B2');
    await engine.message(receive.caseId, 'Travel document issued', { documentId: 'ETD' }, 'A1');
    await eventually(() => engine.view(intermediate.caseId), (view) => view.waitingFor.length === 1);
    await engine.message(intermediate.caseId, 'Flight confirmed', { flight: 'BA1' });
    const sendManual = await engine.startCase('Process_send_manual');
    return { 'intermediate-timer-message': intermediate.caseId, 'receive-task': receive.caseId, 'send-and-manual-task': sendManual.caseId };
  },
  async 'boundary-events'(engine) {
    const timers = await engine.startCase('Process_boundary_timers');
    await engine.waitForTask(timers.caseId, 'Task_chase');
    await engine.completeStep(timers.caseId, 'Task_book');
    await engine.completeStep(timers.caseId, 'Task_chase');
    const message = await engine.startCase('Process_message_boundary');
    await engine.message(message.caseId, 'Asylum claim raised', {});
    await engine.completeStep(message.caseId, 'Task_claim');
    return { 'boundary-timers': timers.caseId, 'message-boundary': message.caseId };
  },
  async 'scopes'(engine) {
    const escalation = await engine.startCase('Process_escalation');
    await engine.completeStep(escalation.caseId, 'Task_assess');
    await engine.completeStep(escalation.caseId, 'Task_alert');
    await engine.completeStep(escalation.caseId, 'Task_escort');
    const terminate = await engine.startCase('Process_terminate');
    await engine.completeStep(terminate.caseId, 'Task_withdraw');
    const parent = await engine.startCase('Process_parent');
    const [child] = await eventually(
      () => engine.db.query<{ id: string }>('SELECT id FROM cases WHERE id LIKE $1', [`${parent.caseId}.%`]),
      (rows) => rows.length === 1,
    );
    await engine.completeStep(child!.id, 'Task_apply');
    await engine.completeStep(parent.caseId, 'Task_book');
    return { 'escalation-sub-process': escalation.caseId, 'terminate-end': terminate.caseId, 'call-activity-parent': parent.caseId, 'call-activity-child': child!.id };
  },
  async 'deadlines'(engine) {
    return { 'sla-and-handoff': await missDeadlines(engine) };
  },
  // The lead told of a missed step SLA hands the step to a caseworker, who finishes it late.
  async 'lead-escalation'(engine) {
    const { caseId, handle } = await engine.startCase('Process_deadlines');
    await eventually(() => engine.lifecycle(caseId), (kinds) => kinds.includes('escalated-to-lead'));
    const referral = await engine.waitForTask(caseId, 'Task_refer');
    await handle.executeUpdate(reassignTaskUpdate, { args: [{ taskId: referral.taskId, actor: prisonLead, toUser: 'priya' }] });
    await engine.complete(caseId, referral.taskId, {}, priya);
    await eventually(() => engine.lifecycle(caseId), (kinds) => kinds.includes('handoff-overdue'));
    await engine.completeStep(caseId, 'Task_decide', {}, tom);
    return { 'sla-and-handoff-escalated': caseId };
  },
  async 'reminder-cycle'(engine) {
    const { caseId } = await engine.startCase('Process_reminder_cycle');
    await eventually(() => engine.view(caseId), (view) => view.timers.length === 0);
    await engine.completeStep(caseId, 'Task_chase');
    return { 'reminder-cycle': caseId };
  },
  async 'non-interrupting-message-boundary'(engine) {
    const { caseId } = await engine.startCase('Process_representations');
    await engine.message(caseId, 'Further representations received', { representations: 1 });
    await eventually(() => engine.view(caseId), (view) => view.tasks.length === 2);
    await engine.completeStep(caseId, 'Task_decide');
    // too late: reported as unmatched at once
    await engine.message(caseId, 'Further representations received', { representations: 2 });
    await eventually(() => engine.lifecycle(caseId), (kinds) => kinds.filter((kind) => kind === 'message-received').length === 2);
    await engine.completeStep(caseId, 'Task_consider');
    return { 'message-boundary-non-interrupting': caseId };
  },
  async 'errors-and-escalations'(engine) {
    const subError = await engine.startCase('Process_sub_error');
    await engine.completeStep(subError.caseId, 'Task_verify', { documentsFound: false });
    await engine.completeStep(subError.caseId, 'Task_request');
    const escalationEnd = await engine.startCase('Process_escalation_end');
    await engine.completeStep(escalationEnd.caseId, 'Task_check', { barrier: true });
    await engine.completeStep(escalationEnd.caseId, 'Task_clear_barrier');
    const parent = await engine.startCase('Process_failing_parent');
    const child = await childOf(engine, parent.caseId);
    await engine.completeStep(child, 'Task_apply', { refused: true });
    await engine.completeStep(parent.caseId, 'Task_escalate');
    return { 'sub-process-error-end': subError.caseId, 'escalation-end-interrupting': escalationEnd.caseId, 'call-activity-failing-parent': parent.caseId, 'call-activity-failing-child': child };
  },
  async 'task-actions'(engine) {
    const actions = await engine.startCase('Process_handoff');
    const referral = actions.next.opened[0]!;
    await engine.claim(actions.caseId, referral.taskId, priya);
    await actions.handle.executeUpdate(returnTaskUpdate, { args: [{ taskId: referral.taskId, actor: priya }] });
    await actions.handle.executeUpdate(reassignTaskUpdate, { args: [{ taskId: referral.taskId, actor: prisonLead, toUser: 'priya' }] });
    await engine.complete(actions.caseId, referral.taskId, {}, priya);
    await engine.completeStep(actions.caseId, 'Task_decide', {}, tom);
    const cancelled = await engine.startCase('Process_handoff');
    await cancelled.handle.signal(cancelCaseSignal, { reason: 'Removal no longer pursued', actor: 'lena' });
    return { 'return-reassign-accept': actions.caseId, 'cancel-case': cancelled.caseId };
  },
  async 'timer-dates'(engine) {
    const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
    const { caseId } = await engine.startCase('Process_timer_dates', { prepareBy: inSeconds(1), releaseAt: inSeconds(2), ersDate: '2030-01-20T00:00:00Z' });
    await engine.completeStep(caseId, 'Task_late');
    return { 'timer-dates-from-case-data': caseId };
  },
  // Branches finishing together share one projection write.
  async 'parallel-services'(engine) {
    const { caseId } = await engine.startCase('Process_parallel_services');
    return { 'parallel-service-tasks': caseId };
  },
  async 'event-sub-processes'(engine) {
    const withdrawn = await engine.startCase('Process_esp');
    await eventually(() => engine.lifecycle(withdrawn.caseId), (kinds) => kinds.filter((kind) => kind === 'event-sub-process-triggered').length === 2);
    await engine.message(withdrawn.caseId, 'Case withdrawn', { withdrawalReason: 'voluntary departure' });
    await engine.completeStep(withdrawn.caseId, 'Task_close');
    const missing = await engine.startCase('Process_esp');
    await engine.completeStep(missing.caseId, 'Task_check', { documentsFound: false });
    await engine.completeStep(missing.caseId, 'Task_request');
    await engine.completeStep(missing.caseId, 'Task_assess');
    return { 'event-sub-process-withdrawal': withdrawn.caseId, 'event-sub-process-error': missing.caseId };
  },
  async 'signals'(engine) {
    const waiting = await engine.startCase('Process_guidance');
    await eventually(() => engine.db.query('SELECT 1 FROM signal_subscriptions WHERE case_id = $1', [waiting.caseId]), (rows) => rows.length === 3);
    const publisher = await engine.startCase('Process_publish_guidance');
    await engine.completeStep(publisher.caseId, 'Task_approve');
    await engine.completeStep(waiting.caseId, 'Task_review');
    await engine.completeStep(waiting.caseId, 'Task_recheck');
    await engine.completeStep(waiting.caseId, 'Task_decide');
    return { 'signal-catch-boundary-event-sub-process': waiting.caseId, 'signal-throw': publisher.caseId };
  },
  // A failed removal undoes its flight and escort bookings; the worker restarts between the undo steps.
  async 'compensation'(engine) {
    const { caseId } = await engine.startCase('Process_compensation');
    await engine.completeStep(caseId, 'Task_allocate_escorts', { escortReference: 'ES-7' });
    await engine.completeStep(caseId, 'Task_departure', { removalOutcome: 'failed' });
    await engine.waitForTask(caseId, 'Task_stand_down');
    await engine.stopWorker();
    await engine.startWorker();
    await engine.completeStep(caseId, 'Task_stand_down');
    await engine.completeStep(caseId, 'Task_update_record');
    return { compensation: caseId };
  },
  async 'multi-instance'(engine) {
    const { caseId } = await engine.startCase('Process_multi_instance', { dependants: [{ name: 'Ana' }, { name: 'Ben' }] });
    await engine.completeStep(caseId, 'Task_interview', { outcome: 'seen' });
    await engine.completeStep(caseId, 'Task_interview', { outcome: 'refused' });
    // Two of the three reviews suffice: the third is withdrawn by the completion condition.
    await engine.completeStep(caseId, 'Task_review', { agreed: true });
    await engine.completeStep(caseId, 'Task_review', { agreed: false });
    return { 'multi-instance': caseId };
  },
  async 'watchdog'(engine) {
    const { caseId } = await engine.startCase('Process_watchdog');
    await eventually(() => engine.lifecycle(caseId), (kinds) => kinds.includes('case-stalled'), 10_000);
    await engine.completeStep(caseId, 'Task_review');
    return { 'watchdog-stalled': caseId };
  },
};

/** A review loop on a server that suggests continue-as-new after 40 events: both runs are recorded. */
async function recordContinueAsNew(): Promise<Record<string, RecordedHistory>> {
  const cli = findTemporalCli();
  if (cli.kind !== 'path') throw new Error('Recording continue-as-new needs a local Temporal CLI.');
  const port = await freePort();
  const server = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: cli.path }, ip: '127.0.0.1', port, extraArgs: ['--log-level', 'error', '--dynamic-config-value', 'limit.historyCount.suggestContinueAsNew=40'] },
  });
  const engine = await EngineHarness.start({ address: `127.0.0.1:${port}` });
  try {
    await engine.deploy(fixture('review-cycle.bpmn'));
    const { caseId, handle } = await engine.startCase('Process_review_cycle');
    const firstRunId = (await handle.describe()).runId;
    while ((await handle.describe()).runId === firstRunId) await engine.completeStep(caseId, 'Task_review', { again: true });
    await engine.completeStep(caseId, 'Task_review', { again: false });
    await engine.message(caseId, 'Closure approved', { approvedBy: 'lead' });
    return {
      'continued-as-new-first-run': await historyOf(engine, { caseId, runId: firstRunId }),
      'continued-as-new-last-run': await historyOf(engine, caseId),
    };
  } finally {
    await engine.stop();
    await server.teardown();
  }
}

interface RecordedHistory {
  workflowId: string;
  status: string;
  history: unknown;
}

async function historyOf(engine: EngineHarness, recorded: Recorded[string]): Promise<RecordedHistory> {
  const caseId = typeof recorded === 'string' ? recorded : recorded.caseId;
  const view = await engine.result(caseId);
  const handle = typeof recorded === 'string' ? engine.handle(caseId) : engine.client.workflow.getHandle(engine.handle(caseId).workflowId, recorded.runId);
  const history = await handle.fetchHistory();
  const continued = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes;
  return { workflowId: handle.workflowId, status: continued ? 'continued-as-new' : view.status, history: JSON.parse(historyToJSON(history)) };
}

const fixtures = ['exclusive', 'parallel', 'inclusive', 'service-error', 'event-gateway', 'intermediate-events', 'receive-task', 'send-and-manual', 'boundary-timers', 'message-boundary', 'escalation', 'terminate', 'call-parent', 'deadlines', 'reminder-cycle', 'message-boundary-non-interrupting', 'sub-process-error', 'escalation-end', 'call-failing-parent', 'handoff', 'watchdog', 'timer-dates', 'parallel-services', 'event-sub-processes', 'signals', 'signal-publisher', 'compensation', 'multi-instance'];

async function main(): Promise<void> {
  quietRuntime();
  const all = process.argv.includes('--all');
  const chosen = process.argv.slice(2).filter((arg) => arg !== '--all');
  const unknown = chosen.filter((name) => !(name in scenarios) && name !== 'continue-as-new');
  if (unknown.length > 0) throw new Error(`Unknown scenario(s) ${unknown.join(', ')}; known: ${[...Object.keys(scenarios), 'continue-as-new'].join(', ')}.`);
  const wanted = (name: string) => chosen.length === 0 || chosen.includes(name);
  const server = await startTemporalDevServer();
  const engine = await EngineHarness.start({
    address: server.address,
    serviceHandlers: {
      'check-travel-document': async ({ input }) => {
        if (input.documentValid === false) throw bpmnError('DOCUMENT_INVALID', 'The travel document has expired.');
        return { documentCheckedBy: 'document-service' };
      },
      stamp: async () => ({ applicationRecorded: true }),
      // The airline's booking system is outside Casemap: mocks for the compensation scenario.
      'book-flight': async () => ({ ticketReference: 'TK-1' }),
      'cancel-flight': async () => ({ flightCancelled: true }),
      'check-dependant-record': async ({ input }) => ({ record: `${(input.dependant as { name: string }).name}: no record` }),
    },
  });
  const histories: Record<string, RecordedHistory> = {};
  try {
    for (const name of fixtures) await engine.deploy(fixture(`${name}.bpmn`));
    await engine.deploy(fixture('call-child.bpmn'), 'Process_called');
    await engine.deploy(fixture('call-failing-child.bpmn'), 'Process_refusable');
    // One scenario at a time: their second-long timers race the caseworker steps on a busy machine.
    for (const [scenarioName, scenario] of Object.entries(scenarios).filter(([name]) => wanted(name))) {
      const recorded = await scenario(engine);
      for (const [name, caseRecorded] of Object.entries(recorded)) histories[name] = await historyOf(engine, caseRecorded);
      console.log(`recorded ${scenarioName}`);
    }
  } finally {
    await engine.stop();
    await server.stop();
  }
  if (wanted('continue-as-new')) Object.assign(histories, await recordContinueAsNew());

  mkdirSync(historiesDir, { recursive: true });
  for (const [name, recorded] of Object.entries(histories)) {
    const file = join(historiesDir, `${name}.json`);
    if (!all && chosen.length === 0 && existsSync(file)) continue;
    writeFileSync(file, `${JSON.stringify(recorded, null, 1)}\n`);
    const events = (recorded.history as { events?: unknown[] }).events?.length ?? 0;
    console.log(`${name}: ${events} events, case ${recorded.status}`);
  }
}

await main();
