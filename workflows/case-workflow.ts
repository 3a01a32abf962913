// One workflow per case: a thin shell that feeds events to the pure engine (domain/engine) and
// turns its commands into Temporal timers, activities, child workflows and projection writes.
import {
  allHandlersFinished,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { start, step, type EngineState } from '../domain/engine/index.ts';
import { defaultCalendar } from '../domain/calendar/index.ts';
import type { Deadline, ProcessIR } from '../domain/process/ir.ts';
import type { CaseEvent, EngineCommand, EngineEvent } from '../domain/engine/contract.ts';
import type { ProjectionActivities } from '../activities/projection-activities.ts';
import {
  acceptHandoffUpdate,
  cancelCaseSignal,
  caseViewQuery,
  claimTaskUpdate,
  completeTaskUpdate,
  messageSignal,
  reassignTaskUpdate,
  returnTaskUpdate,
  caseWorkflowArgs,
  pinnedProcess,
  startedUpdate,
  type CarriedState,
  type CaseView,
  type CaseWorkflowInput,
  type NextSteps,
  type OpenTask,
} from './case-api.ts';
import { CaseLog } from './case-log.ts';
import { runServiceTask } from './service-tasks.ts';
import { checkAcceptHandoff, checkClaim, checkComplete, checkReassign, checkReturn, requireTask } from './task-rules.ts';
import { runChildCase } from './child-cases.ts';

// A write is a few hundred milliseconds; when a worker dies mid-write the retry waits for this
// timeout, and so does the caseworker whose Update is flushing, so keep it short (writes are idempotent).
const projection = proxyActivities<ProjectionActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

export async function caseWorkflow(input: CaseWorkflowInput, pinned?: ProcessIR): Promise<CaseView> {
  const { caseId } = input;
  const ir = pinnedProcess(input, pinned);
  const now = () => new Date().toISOString();
  const log = new CaseLog(caseId, (events) => projection.recordCaseEvents(events), input.carried?.logSeq ?? 0);
  const tasks = new Map<string, OpenTask>((input.carried?.tasks ?? []).map((task) => [task.taskId, task]));
  // The engine owns the case's timers, message waits and owning team; the shell keeps only what
  // Temporal needs to cancel (a scope per armed timer and per running activity or child case).
  const timerScopes = new Map<string, CancellationScope>();
  const inFlight = new Map<string, CancellationScope>();
  const inbox: EngineEvent[] = [];
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

  /** Carries out the engine's commands; returns the tasks they opened. */
  function apply(commands: EngineCommand[]): OpenTask[] {
    const opened: OpenTask[] = [];
    // Waits that end in the batch that began them never show in the engine state between steps.
    const subscribedNow = new Set<string>();
    for (const command of commands) {
      switch (command.type) {
        case 'openUserTask': {
          const task: OpenTask = {
            taskId: command.taskId,
            nodeId: command.nodeId,
            name: command.name,
            team: command.team,
            role: command.role,
            assignee: command.assignee,
            form: command.form,
            dueAt: command.dueAt,
            handoff: command.handoff,
            createdAt: now(),
          };
          tasks.set(task.taskId, task);
          opened.push(task);
          log.taskReady(task);
          break;
        }
        case 'closeUserTask':
          if (tasks.delete(command.taskId)) log.add({ kind: 'task-cancelled', taskId: command.taskId, data: { reason: command.reason } });
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
    return opened;
  }

  /** A missed deadline is not only recorded: the lead of the team holding the task is told. */
  function escalateToLead(missed: Extract<CaseEvent, { kind: 'sla-breached' | 'handoff-overdue' }>): void {
    const task = tasks.get(missed.taskId);
    const dueAt = missed.kind === 'sla-breached' ? task?.dueAt : task?.handoff?.acceptBy;
    log.add({ kind: 'escalated-to-lead', nodeId: missed.nodeId, taskId: missed.taskId, team: missed.team, data: { reason: missed.kind, dueAt, taskName: task?.name } });
  }

  function feed(event: EngineEvent): OpenTask[] {
    const waiting = Object.keys(engine.subscriptions);
    const result = step(ir, engine, event, now());
    engine = result.state;
    lastProgress = Date.now();
    // Every wait this step ended (a correlated message, a cancelled scope) is logged before its commands.
    for (const subscriptionId of waiting) {
      if (!(subscriptionId in engine.subscriptions)) log.add({ kind: 'message-wait-ended', data: { subscriptionId } });
    }
    return apply(result.commands);
  }

  function view(): CaseView {
    return {
      caseId,
      status: engine.status,
      ownerTeam: engine.owner,
      tasks: [...tasks.values()],
      timers: Object.values(engine.timers).map(({ timerId, fireAt }) => ({ timerId, fireAt })),
      waitingFor: Object.values(engine.subscriptions).map(({ subscriptionId, messageName, correlationKey }) => ({ subscriptionId, messageName, correlationKey })),
      data: engine.data,
      ...(engine.failure?.errorCode === undefined ? {} : { errorCode: engine.failure.errorCode }),
    };
  }

  function next(opened: OpenTask[]): NextSteps {
    return { status: engine.status, opened, ownerTeam: engine.owner };
  }

  /** Runs an Update body with the projection written before the caller hears back. */
  async function acting(work: () => OpenTask[]): Promise<NextSteps> {
    lastProgress = Date.now();
    const opened = work();
    await log.flush();
    return next(opened);
  }

  // --- start or resume -------------------------------------------------------------------
  if (input.carried) {
    engine = input.carried.engine as EngineState;
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
  setHandler(caseViewQuery, view);
  setHandler(startedUpdate, async () => {
    await condition(() => firstFlushDone);
    return next([...tasks.values()]);
  });
  setHandler(
    claimTaskUpdate,
    ({ taskId, actor }) =>
      acting(() => {
        const task = requireTask(tasks, taskId);
        task.claimedBy = actor.userId;
        log.add({ kind: 'task-claimed', taskId, actor: actor.userId, team: task.team });
        // Claiming a handed-over task accepts the handoff: the receiving team has picked it up.
        if (task.handoff && !task.handoff.acceptedBy) return acceptHandoff(task, actor.userId);
        return [];
      }),
    { validator: ({ taskId, actor }) => checkClaim(requireTask(tasks, taskId), actor) },
  );
  setHandler(
    completeTaskUpdate,
    ({ taskId, actor, data }) =>
      acting(() => {
        const task = requireTask(tasks, taskId);
        const clean = checkComplete(task, actor, data);
        tasks.delete(taskId);
        log.add({ kind: 'task-completed', taskId, actor: actor.userId, team: task.team, nodeId: task.nodeId, data: clean });
        return feed({ type: 'userTaskCompleted', taskId, data: clean, actor: actor.userId });
      }),
    { validator: ({ taskId, actor, data }) => void checkComplete(requireTask(tasks, taskId), actor, data) },
  );
  setHandler(
    returnTaskUpdate,
    ({ taskId, actor }) =>
      acting(() => {
        const task = requireTask(tasks, taskId);
        task.claimedBy = undefined;
        log.add({ kind: 'task-returned', taskId, actor: actor.userId, team: task.team });
        return [];
      }),
    { validator: ({ taskId, actor }) => checkReturn(requireTask(tasks, taskId), actor) },
  );
  setHandler(
    reassignTaskUpdate,
    ({ taskId, actor, toUser, toTeam }) =>
      acting(() => {
        const task = requireTask(tasks, taskId);
        task.claimedBy = toUser;
        if (toTeam) task.team = toTeam;
        log.add({ kind: 'task-reassigned', taskId, actor: actor.userId, team: task.team, data: { toUser, toTeam } });
        return [];
      }),
    { validator: ({ taskId, actor, toUser, toTeam }) => checkReassign(requireTask(tasks, taskId), actor, toUser, toTeam) },
  );
  setHandler(
    acceptHandoffUpdate,
    ({ taskId, actor }) => acting(() => acceptHandoff(requireTask(tasks, taskId), actor.userId)),
    { validator: ({ taskId, actor }) => checkAcceptHandoff(requireTask(tasks, taskId), actor) },
  );
  setHandler(messageSignal, (message) => {
    const match = Object.values(engine.subscriptions).find(
      (sub) => sub.messageName === message.messageName && (sub.correlationKey === undefined || sub.correlationKey === message.correlationKey),
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
  setHandler(cancelCaseSignal, ({ reason, actor }) => {
    log.add({ kind: 'case-cancelled', actor, data: { reason } });
    inbox.push({ type: 'cancel', reason });
  });

  function acceptHandoff(task: OpenTask, userId: string): OpenTask[] {
    if (!task.handoff) return [];
    task.handoff.acceptedBy = userId;
    log.add({ kind: 'handoff-accepted', taskId: task.taskId, actor: userId, team: task.team });
    return feed({ type: 'handoffAccepted', taskId: task.taskId, actor: userId });
  }

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
      await continueAsNew<typeof caseWorkflow>(...caseWorkflowArgs({ ...input, carried: carry() }, ir));
    }
    // Everything that arrived while the last batch was being written is applied before the next
    // write, so ten branches finishing together cost one projection write, not ten.
    while (inbox.length > 0 && engine.status === 'running') feed(inbox.shift()!);
    await log.flush();
  }
  // An Update still flushing must answer its caseworker before the case's run ends.
  await condition(allHandlersFinished);
  await log.flush();
  return view();

  function quiet(): boolean {
    return inFlight.size === 0 && allHandlersFinished();
  }

  function carry(): CarriedState {
    return { engine, tasks: [...tasks.values()], logSeq: log.sequence };
  }
}
