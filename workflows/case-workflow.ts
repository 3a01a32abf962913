// One workflow per case: a thin shell that feeds events to the pure engine (domain/engine) and
// turns its commands into Temporal timers, activities, child workflows and projection writes.
import {
  allHandlersFinished,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { start, step, type CaseEvent, type EngineCommand, type EngineEvent, type EngineState, type TaskActionRequest } from '../domain/engine/index.ts';
import { defaultCalendar } from '../domain/calendar/index.ts';
import type { Deadline, ProcessIR } from '../domain/process/ir.ts';
import type { ProjectionActivities } from '../activities/projection-activities.ts';
import type { CaseLogEvent } from '../domain/events/case-log-event.ts';
import {
  acceptHandoffUpdate,
  bpmnSignal,
  cancelCaseSignal,
  caseViewQuery,
  claimTaskUpdate,
  engineStateQuery,
  migrateCaseUpdate,
  completeTaskUpdate,
  messageSignal,
  reassignTaskUpdate,
  returnTaskUpdate,
  caseWorkflowArgs,
  pinnedProcess,
  startedUpdate,
  type CarriedState,
  type CaseView,
  type CaseMigrated,
  type CaseWorkflowInput,
  type MigrateCaseRequest,
  type NextSteps,
  type OpenTask,
} from './case-api.ts';
import { CaseLog } from './case-log.ts';
import { writeFencedCaseLog } from './fenced-case-log-write.ts';
import { resumeCarried } from './carried-state.ts';
import { caseView, openedTask, openTasks } from './case-view.ts';
import { runServiceTask } from './service-tasks.ts';
import { allowedEvent } from './task-rules.ts';
import { runChildCase } from './child-cases.ts';
import { SignalBroadcasts } from './signal-broadcasts.ts';
import { allowedMigration, caseMigratedData } from './case-migration.ts';

/** The engine's record of a caseworker's action: logged ahead of the waits and moves the action caused. */
const CASEWORKER_ACTIONS = new Set<CaseEvent['kind']>(['task-claimed', 'task-returned', 'task-reassigned', 'handoff-accepted', 'task-completed']);

// A write is a few milliseconds; when a worker dies mid-write the retry waits for this timeout, and
// so does the caseworker whose Update is flushing, so keep it short (writes are idempotent).
// Case log writes go through it only in runs recorded before the fenced local write
// (workflows/fenced-case-log-write.ts); called processes are resolved through it always.
const projection = proxyActivities<ProjectionActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

export async function caseWorkflow(input: CaseWorkflowInput, pinned?: ProcessIR): Promise<CaseView> {
  const { caseId } = input;
  // A migration (docs/migration.md) swaps the version and its IR under the engine's state.
  let ir = pinnedProcess(input, pinned);
  let version = input.version;
  const migrations = [...(input.migrations ?? [])];
  const now = () => new Date().toISOString();
  const carried = input.carried ? resumeCarried(input.carried, ir) : undefined;
  // Temporal's scopes to cancel: one per activity or child case under way (timers keep their own).
  const inFlight = new Map<string, CancellationScope>();
  // The case's Signal handlers return at once, so a handler still running is an Update's, whose
  // answer confirms the write; an activity or child case under way brings the next write, which does.
  const confirmationExpected = () => !allHandlersFinished() || inFlight.size > 0;
  // Runs recorded with the normal activity keep replaying it; every new run writes locally, fenced,
  // its rows out of the inbox until confirmed in history (docs/architecture.md, "Record").
  const writeLog = (events: CaseLogEvent[]) => (patched('case-log-fenced-local-write') ? writeFencedCaseLog(events, confirmationExpected()) : projection.recordCaseEvents(events));
  const log = new CaseLog(caseId, writeLog, carried?.logSeq ?? 0);
  // The engine owns the whole case (tokens, open tasks and who holds them, timers, waits, data);
  // the shell keeps only what Temporal needs to cancel (a scope per armed timer, activity or child case).
  const timerScopes = new Map<string, CancellationScope>();
  const inbox: EngineEvent[] = [];
  const broadcasts = new SignalBroadcasts();
  let engine: EngineState;
  // When anything last moved on this case (an engine event or a caseworker's action).
  let lastProgress = Date.now();

  function armTimer(timerId: string, fireAt: string): void {
    const scope = new CancellationScope();
    timerScopes.set(timerId, scope);
    const delay = Math.max(1, Date.parse(fireAt) - Date.now());
    scope.run(() => sleep(delay)).then(
      () => {
        timerScopes.delete(timerId);
        inbox.push({ type: 'timerFired', timerId });
      },
      (error) => {
        if (!isCancellation(error)) throw error;
      },
    );
  }

  function runInScope(key: string, work: () => Promise<EngineEvent>): void {
    const scope = new CancellationScope();
    inFlight.set(key, scope);
    scope.run(work).then(
      (event) => {
        inFlight.delete(key);
        inbox.push(event);
      },
      (error) => {
        inFlight.delete(key);
        if (!isCancellation(error)) throw error;
      },
    );
  }

  /**
   * Carries out the engine's commands; returns the tasks they opened. `endedWaits` (waits the step
   * ended: a correlated message, a cancelled scope) are logged after the caseworker's action that
   * caused them and before any other command.
   */
  function apply(commands: EngineCommand[], endedWaits: string[] = []): OpenTask[] {
    const opened: OpenTask[] = [];
    let unlogged = endedWaits;
    const logEndedWaits = () => {
      for (const subscriptionId of unlogged) log.add({ kind: 'message-wait-ended', data: { subscriptionId } });
      unlogged = [];
    };
    // Waits that end in the batch that began them never show in the engine state between steps.
    const subscribedNow = new Set<string>();
    for (const command of commands) {
      if (command.type !== 'emit' || !CASEWORKER_ACTIONS.has(command.event.kind)) logEndedWaits();
      switch (command.type) {
        case 'openUserTask': {
          const task = openedTask(command, now());
          opened.push(task);
          log.taskReady(task);
          break;
        }
        case 'closeUserTask':
          log.add({ kind: 'task-cancelled', taskId: command.taskId, data: { reason: command.reason } });
          break;
        case 'scheduleActivity':
          runInScope(command.taskId, () => runServiceTask(caseId, command));
          break;
        case 'cancelActivity':
        case 'cancelChildCase': {
          const key = command.type === 'cancelActivity' ? command.taskId : command.childId;
          inFlight.get(key)?.cancel();
          inFlight.delete(key);
          break;
        }
        case 'startChildCase':
          runInScope(command.childId, () => runChildCase(input, command, projection));
          break;
        case 'startTimer':
          armTimer(command.timerId, command.fireAt);
          break;
        case 'cancelTimer':
          timerScopes.get(command.timerId)?.cancel();
          timerScopes.delete(command.timerId);
          break;
        case 'subscribeMessage':
          subscribedNow.add(command.subscriptionId);
          log.add({ kind: 'message-awaited', nodeId: command.nodeId, data: { subscriptionId: command.subscriptionId, messageName: command.messageName, correlationKey: command.correlationKey } });
          break;
        case 'unsubscribeMessage':
          if (subscribedNow.delete(command.subscriptionId)) log.add({ kind: 'message-wait-ended', data: { subscriptionId: command.subscriptionId } });
          break;
        // The engine ends every signal wait with a command, so the log follows the commands alone.
        case 'subscribeSignal':
          log.add({ kind: 'signal-awaited', nodeId: command.nodeId, data: { subscriptionId: command.subscriptionId, signalName: command.signalName } });
          break;
        case 'unsubscribeSignal':
          log.add({ kind: 'signal-wait-ended', data: { subscriptionId: command.subscriptionId } });
          break;
        case 'broadcastSignal':
          broadcasts.start(command);
          break;
        case 'emit': {
          const event = command.event;
          log.engineEvent(event);
          if (event.kind === 'sla-breached' || event.kind === 'handoff-overdue') escalateToLead(event);
          break;
        }
        case 'complete':
          log.add({ kind: 'case-completed', data: { data: command.data } });
          break;
        case 'fail':
          log.add({ kind: 'case-failed', nodeId: command.nodeId, data: { reason: command.reason } });
          break;
      }
    }
    logEndedWaits();
    return opened;
  }

  /** A missed deadline is not only recorded: the lead of the team holding the task is told. */
  function escalateToLead(missed: Extract<CaseEvent, { kind: 'sla-breached' | 'handoff-overdue' }>): void {
    const task = engine.userTasks[missed.taskId];
    const dueAt = missed.kind === 'sla-breached' ? task?.dueAt : task?.handoff?.acceptBy;
    log.add({ kind: 'escalated-to-lead', nodeId: missed.nodeId, taskId: missed.taskId, team: missed.team, data: { reason: missed.kind, dueAt, taskName: task?.name } });
  }

  function feed(event: EngineEvent): OpenTask[] {
    const waiting = Object.keys(engine.subscriptions);
    const result = step(ir, engine, event, now());
    engine = result.state;
    lastProgress = Date.now();
    return apply(result.commands, waiting.filter((subscriptionId) => !(subscriptionId in engine.subscriptions)));
  }

  /** The answer carries the log position written so far: once the API has it, that much is in history and may be confirmed. */
  function next(opened: OpenTask[]): NextSteps {
    return { status: engine.status, opened, ownerTeam: engine.owner, logPosition: log.written };
  }

  /** Runs a caseworker's action (already allowed by its validator), with the projection written before the caller hears back. */
  async function act(action: TaskActionRequest): Promise<NextSteps> {
    lastProgress = Date.now();
    const opened = feed(allowedEvent(engine, action));
    await log.flush();
    return next(opened);
  }

  /** Moves the case to another version (already allowed by the validator); the projection is written before the migration hears back. */
  async function migrate(request: MigrateCaseRequest, to: ProcessIR): Promise<CaseMigrated> {
    const answer = { caseId, fromVersion: request.fromVersion, toVersion: request.toVersion };
    if (migrations.includes(request.migrationId)) return { ...answer, preview: emptyPreview(), alreadyMigrated: true };
    const result = allowedMigration(engine, { definitionId: input.definitionId, version, ir }, request, to, now());
    const waiting = Object.keys(engine.subscriptions);
    log.add({ kind: 'case-migrated', actor: request.actor, data: caseMigratedData(request, result) });
    engine = result.state;
    ir = to;
    version = request.toVersion;
    migrations.push(request.migrationId);
    apply(result.commands, waiting.filter((subscriptionId) => !(subscriptionId in engine.subscriptions)));
    await log.flush();
    return { ...answer, preview: result.preview, logPosition: log.written };
  }

  function emptyPreview(): CaseMigrated['preview'] {
    return { caseId, migratable: true, refusals: [], moves: [], tasksKept: [], tasksClosed: [], tasksOpened: [], timersKept: [], timersRestarted: [] };
  }

  /** The same rules as `act`, in the Update's validator, so a refused action writes nothing to history. */
  function validate(action: TaskActionRequest): void {
    allowedEvent(engine, action);
  }

  // --- start or resume -------------------------------------------------------------------
  if (carried) {
    engine = carried.engine;
    for (const timer of Object.values(engine.timers)) armTimer(timer.timerId, timer.fireAt);
  } else {
    const started = start(ir, { caseId, data: input.data, ...(input.startEventId ? { startEventId: input.startEventId } : {}) }, now());
    engine = started.state;
    // The case's first owner is the team of its start lane, known once the engine has started.
    log.add({
      kind: 'case-started',
      team: engine.owner,
      actor: input.startedBy,
      data: { definitionId: input.definitionId, version: input.version, workflowId: workflowInfo().workflowId, data: input.data, startedBy: input.startedBy, ...(input.startEventId ? { startEventId: input.startEventId } : {}) },
    });
    apply(started.commands);
  }
  let firstFlushDone = false;

  // --- handlers ---------------------------------------------------------------------------
  setHandler(caseViewQuery, () => caseView(caseId, engine));
  setHandler(engineStateQuery, () => ({ definitionId: input.definitionId, version, engine }));
  setHandler(migrateCaseUpdate, migrate, {
    validator: (request, to) => {
      if (!migrations.includes(request.migrationId)) allowedMigration(engine, { definitionId: input.definitionId, version, ir }, request, to, now());
    },
  });
  setHandler(startedUpdate, async () => {
    await condition(() => firstFlushDone);
    return next(openTasks(engine));
  });
  setHandler(claimTaskUpdate, (request) => act({ type: 'claim', ...request }), { validator: (request) => validate({ type: 'claim', ...request }) });
  setHandler(completeTaskUpdate, (request) => act({ type: 'complete', ...request }), { validator: (request) => validate({ type: 'complete', ...request }) });
  setHandler(returnTaskUpdate, (request) => act({ type: 'return', ...request }), { validator: (request) => validate({ type: 'return', ...request }) });
  setHandler(reassignTaskUpdate, (request) => act({ type: 'reassign', ...request }), { validator: (request) => validate({ type: 'reassign', ...request }) });
  setHandler(acceptHandoffUpdate, (request) => act({ type: 'acceptHandoff', ...request }), { validator: (request) => validate({ type: 'acceptHandoff', ...request }) });
  setHandler(messageSignal, (message) => {
    const match = Object.values(engine.subscriptions).find(
      (sub) => !sub.keyPending && sub.messageName === message.messageName && (sub.correlationKey === undefined || sub.correlationKey === message.correlationKey),
    );
    // A matched message is logged once, by the engine, when it is correlated.
    if (match) {
      inbox.push({ type: 'messageReceived', subscriptionId: match.subscriptionId, messageName: message.messageName, data: message.data });
      return;
    }
    log.add({ kind: 'message-received', data: { messageId: message.messageId, messageName: message.messageName, correlationKey: message.correlationKey, matched: false } });
    // Nothing else moves on an unmatched message, so write its report now rather than with the next step.
    void log.flush();
  });
  // The engine decides: it fires the waits on the name, or ignores a broadcast it has had before.
  setHandler(bpmnSignal, (signal) => {
    inbox.push({ type: 'signalReceived', broadcastId: signal.broadcastId, signalName: signal.signalName, data: signal.data });
  });
  setHandler(cancelCaseSignal, ({ reason, actor }) => {
    log.add({ kind: 'case-cancelled', actor, data: { reason } });
    inbox.push({ type: 'cancel', reason });
  });

  /**
   * The case watchdog: flags the case when nothing has moved for the process's watchdog period,
   * and again each further period it stays still. One timer per period, not one per step.
   */
  async function watch(period: Deadline): Promise<void> {
    let flaggedAt = 0;
    while (engine.status === 'running') {
      const from = Math.max(lastProgress, flaggedAt);
      const due = defaultCalendar.addDuration(new Date(from), period.expression, period.calendar).getTime();
      if (await condition(() => engine.status !== 'running', Math.max(1, due - Date.now()))) return;
      if (lastProgress > from) continue;
      flaggedAt = Date.now();
      log.add({ kind: 'case-stalled', team: engine.owner, data: { since: new Date(lastProgress).toISOString(), watchdog: period.expression } });
      await log.flush();
    }
  }

  // --- main loop --------------------------------------------------------------------------
  await log.flush();
  firstFlushDone = true;
  // The watchdog counts from the case's first recorded steps.
  const watchdog = ir.processes.find((process) => process.id === ir.mainProcessId)?.watchdog;
  if (watchdog && !watchdog.feel) void watch(watchdog);
  while (engine.status === 'running') {
    await condition(() => inbox.length > 0 || engine.status !== 'running' || (workflowInfo().continueAsNewSuggested && quiet()));
    if (engine.status !== 'running') break;
    if (inbox.length === 0) {
      await log.flush();
      await continueAsNew<typeof caseWorkflow>(...caseWorkflowArgs({ ...input, version, ...(migrations.length > 0 ? { migrations } : {}), carried: carry() }, ir));
    }
    // Everything that arrived while the last batch was being written is applied before the next
    // write, so ten branches finishing together cost one projection write, not ten.
    while (inbox.length > 0 && engine.status === 'running') feed(inbox.shift()!);
    await log.flush();
  }
  // An Update still flushing must answer its caseworker, and a thrown signal's broadcast must have
  // started, before the case's run ends.
  await condition(() => allHandlersFinished() && broadcasts.settled());
  await log.flush();
  return caseView(caseId, engine);

  function quiet(): boolean {
    return inFlight.size === 0 && broadcasts.settled() && allHandlersFinished();
  }

  function carry(): CarriedState {
    return { engine, logSeq: log.sequence };
  }
}
