// Runs a process version forward in simulated time on the real engine (domain/engine, no Temporal,
// no clock of its own): cases arrive as history says, each step waits for a person of its team in
// office hours and takes as long as history's examples, timers and deadlines fire as the engine arms
// them. The same seed gives the same run.
import { start, step, type CaseData, type EngineCommand, type EngineEvent } from '../engine/index.ts';
import type { EngineState } from '../engine/engine-state.ts';
import type { ProcessIR } from '../process/ir.ts';
import { EventQueue } from './event-queue.ts';
import type { CaseProfile, SimulationModel } from './simulation-model.ts';
import { Observations, type SimulationResult } from './simulation-results.ts';
import { staffingUnder, type Scenario } from './scenario.ts';
import { addWorkingTime, nextWorkingInstant, officeHours, workingTimeBetween, type WorkingHours } from './working-hours.ts';
import { arrivalsBetween } from './arrivals.ts';
import { shiftDates } from './shift-dates.ts';
import { calledCaseId } from './called-cases.ts';
import { mulberry32 } from '../insights/synthetic-log.ts';
import type { SimulatedLog } from './simulated-log.ts';

export interface SimulationOptions {
  readonly ir: ProcessIR;
  readonly model: SimulationModel;
  readonly scenario: Scenario;
  /** First simulated instant (epoch ms). */
  readonly from: number;
  readonly weeks: number;
  readonly seed: number;
  readonly hours?: WorkingHours;
  /** Arrival instants to use instead of sampling them (to replay a period's own arrivals). */
  readonly arrivals?: readonly number[];
  /** When given, the run is also written here as a case event log. */
  readonly log?: SimulatedLog;
  /** Simulated case ids are `<prefix>-<n>`; runs written to one log need their own prefixes. */
  readonly caseIdPrefix?: string;
  /** The most engine steps a run may take before it gives up (SimulationTooLarge). */
  readonly maxEngineSteps?: number;
}

/** A run that would take more engine steps than it may: fewer weeks or fewer arrivals will do. */
export class SimulationTooLarge extends Error {
  readonly code = 'simulation-too-large';
  constructor(readonly maxEngineSteps: number) {
    super(`The simulation would take more than ${maxEngineSteps.toLocaleString('en-GB')} engine steps; simulate fewer weeks or fewer arrivals.`);
  }
}

/** Far more than any case of the sample library takes in a year (an FNO return takes 25 to 60). */
const MAX_STEPS_PER_CASE = 400;
/** Steps one case may take without simulated time moving: only a loop that takes no time needs more. */
const MAX_STEPS_AT_ONE_INSTANT = 200;

/** About a year of a busy casework process with a few scenarios answers well inside this. */
export const DEFAULT_MAX_ENGINE_STEPS = 3_000_000;

type SimEvent =
  | { type: 'arrive' }
  | { type: 'feed'; caseId: string; event: EngineEvent; cancelKey?: string; calledCase?: string }
  | { type: 'pickUp'; team: string }
  | { type: 'workDone'; team: string; taskKey: string };

interface QueuedTask {
  caseId: string;
  taskId: string;
  nodeId: string;
  team: string;
  readyAt: number;
  cancelled: boolean;
  pickedAt?: number;
  person?: number;
}

interface SimCase {
  state: EngineState;
  profile: CaseProfile;
  /** Simulated start minus the historical case's start: its dates move by this. */
  offsetMs: number;
  startedAt: number;
  /** Engine steps this case has taken, and how many of them at the instant of its last one. */
  steps: number;
  stepsAtInstant: number;
  lastStepAt: number;
  done: Map<string, number>;
}

const WEEK_MS = 7 * 86_400_000;

const taskKey = (caseId: string, taskId: string) => `${caseId}/${taskId}`;

export function simulate(options: SimulationOptions): SimulationResult {
  const { ir, model, scenario, log } = options;
  const hours = options.hours ?? officeHours;
  // The run's only source of chance, seeded so a run can be repeated.
  const random = mulberry32(options.seed);
  const until = options.from + options.weeks * WEEK_MS;
  const staffing = staffingUnder(scenario, model.teamPeople);
  const removed = new Set(scenario.removedSteps);
  const endEvents = new Set(ir.nodes.filter((node) => node.kind === 'endEvent').map((node) => node.id));
  const queue = new EventQueue<SimEvent>();
  const cases = new Map<string, SimCase>();
  const tasks = new Map<string, QueuedTask>();
  const waiting = new Map<string, QueuedTask[]>();
  /** Each team's people not at work on a task now, by number; a team's list is made when it first has work. */
  const free = new Map<string, number[]>();
  const cancelled = new Set<string>();
  const seen = new Observations();
  let caseCount = 0;
  const maxEngineSteps = options.maxEngineSteps ?? DEFAULT_MAX_ENGINE_STEPS;
  const countStep = () => {
    seen.engineSteps += 1;
    if (seen.engineSteps > maxEngineSteps) throw new SimulationTooLarge(maxEngineSteps);
  };

  const arrivals = options.arrivals ?? arrivalsBetween(model.arrivalsPerHour, options.from, until, scenario.arrivalFactor, random);
  for (const at of arrivals) if (at >= options.from && at < until) queue.push(at, { type: 'arrive' });

  const pick = <T>(values: readonly T[]): T | undefined => (values.length === 0 ? undefined : values[Math.floor(random() * values.length)]);
  const iso = (at: number) => new Date(at).toISOString();

  /**
   * The data a step is completed with: this case's history's n-th completion of the step. Past what
   * its history holds (the simulation went round a loop more often), and for a step its history never
   * reached, the last completion of the step in another case's history — the one that case left the
   * loop with — so a simulated case never goes round a rework loop for ever on the same data.
   */
  function dataFor(simCase: SimCase, nodeId: string): CaseData {
    const n = simCase.done.get(nodeId) ?? 0;
    simCase.done.set(nodeId, n + 1);
    const own = simCase.profile.completions[nodeId];
    if (own && n < own.length) return shiftDates(own[n]!, simCase.offsetMs);
    for (let tries = 0; tries < 8; tries += 1) {
      const other = pick(model.profiles);
      const data = other?.completions[nodeId];
      if (other && data && data.length > 0) return shiftDates(data.at(-1)!, other.startedAt === undefined ? 0 : simCase.startedAt - other.startedAt);
    }
    return own && own.length > 0 ? shiftDates(own.at(-1)!, simCase.offsetMs) : {};
  }

  function carryOut(caseId: string, commands: EngineCommand[], now: number): void {
    for (const command of commands) {
      switch (command.type) {
        case 'openUserTask': {
          const task: QueuedTask = { caseId, taskId: command.taskId, nodeId: command.nodeId, team: command.team, readyAt: now, cancelled: false };
          log?.add(caseId, now, { kind: 'task-ready', taskId: command.taskId, nodeId: command.nodeId, team: command.team, task: { name: command.name, team: command.team, form: command.form, dueAt: command.dueAt, priority: 0 } });
          if (removed.has(command.nodeId)) {
            queue.push(now, { type: 'feed', caseId, event: { type: 'taskClaimed', taskId: command.taskId, actor: 'simulated' } });
            completeLater(task, now);
          } else {
            tasks.set(taskKey(caseId, task.taskId), task);
            (waiting.get(task.team) ?? waiting.set(task.team, []).get(task.team)!).push(task);
            queue.push(nextWorkingInstant(hours, now), { type: 'pickUp', team: task.team });
          }
          break;
        }
        case 'closeUserTask': {
          const task = tasks.get(taskKey(caseId, command.taskId));
          if (task) task.cancelled = true;
          break;
        }
        case 'scheduleActivity':
          after(command.nodeId, now, (at) => queue.push(at, { type: 'feed', caseId, event: { type: 'activityCompleted', taskId: command.taskId, output: {} }, cancelKey: caseId + command.taskId }), 0);
          break;
        case 'startChildCase':
          // The child case's outcome is what this case's history got back from it, if it recorded it.
          after(command.nodeId, now, (at) => queue.push(at, { type: 'feed', caseId, event: { type: 'childCaseCompleted', childId: command.childId, data: dataFor(cases.get(caseId)!, command.nodeId) }, cancelKey: caseId + command.childId, calledCase: calledCaseId(caseId, command.childId) }), 0);
          break;
        case 'subscribeMessage': {
          log?.add(caseId, now, { kind: 'message-awaited', nodeId: command.nodeId, data: { subscriptionId: command.subscriptionId, messageName: command.messageName } });
          const receive = (at: number) =>
            queue.push(at, { type: 'feed', caseId, event: { type: 'messageReceived', subscriptionId: command.subscriptionId, messageName: command.messageName, data: {} }, cancelKey: caseId + command.subscriptionId });
          const wait = model.messageWaits?.[command.nodeId];
          const seenWaits = wait === undefined ? 0 : wait.received.length + wait.neverCame;
          if (wait === undefined || seenWaits === 0) after(command.nodeId, now, receive);
          // As often as history's message never came (the competing timer won), this one does not come either.
          else if (random() * seenWaits >= wait.neverCame) receive(now + pick(wait.received)!);
          break;
        }
        case 'startTimer':
        {
          const fireAt = Date.parse(command.fireAt);
          // A deadline the engine could not place (a date missing from the case data) never fires.
          if (!Number.isFinite(fireAt)) seen.timerNotArmed(command.nodeId);
          else queue.push(Math.max(now, fireAt), { type: 'feed', caseId, event: { type: 'timerFired', timerId: command.timerId }, cancelKey: caseId + command.timerId });
          break;
        }
        case 'cancelTimer':
          cancelled.add(caseId + command.timerId);
          break;
        case 'cancelActivity':
          cancelled.add(caseId + command.taskId);
          break;
        case 'cancelChildCase':
          cancelled.add(caseId + command.childId);
          break;
        case 'unsubscribeMessage':
          cancelled.add(caseId + command.subscriptionId);
          log?.add(caseId, now, { kind: 'message-wait-ended', data: { subscriptionId: command.subscriptionId } });
          break;
        case 'emit':
          log?.engineEvent(caseId, now, command.event);
          if (command.event.kind === 'element-completed' && endEvents.has(command.event.nodeId)) seen.endedAt(command.event.nodeId);
          if (command.event.kind === 'sla-breached' || command.event.kind === 'handoff-overdue') seen.breach(command.event.kind, command.event.nodeId);
          break;
        case 'complete':
          seen.ended.set(caseId, { at: now, status: 'completed' });
          log?.add(caseId, now, { kind: 'case-completed', data: { data: command.data } });
          break;
        case 'fail':
          seen.ended.set(caseId, { at: now, status: 'failed' });
          log?.add(caseId, now, { kind: 'case-failed', nodeId: command.nodeId, data: { reason: command.reason } });
          break;
      }
    }
  }

  /** Schedules what ends an element no person works on, after a duration history gives it. */
  function after(nodeId: string, now: number, schedule: (at: number) => void, fallbackMs?: number): void {
    const examples = model.elementTime[nodeId];
    const duration = examples && examples.length > 0 ? pick(examples)! : fallbackMs;
    if (duration === undefined) {
      seen.waitsWithoutHistory[nodeId] = (seen.waitsWithoutHistory[nodeId] ?? 0) + 1;
      return;
    }
    schedule(now + duration);
  }

  function completeLater(task: QueuedTask, now: number): void {
    const simCase = cases.get(task.caseId)!;
    const actor = task.person === undefined ? 'simulated' : `${task.team}-${task.person + 1}`;
    queue.push(now, { type: 'feed', caseId: task.caseId, event: { type: 'userTaskCompleted', taskId: task.taskId, data: dataFor(simCase, task.nodeId), actor } });
  }

  function feed(caseId: string, event: EngineEvent, now: number): void {
    const simCase = cases.get(caseId);
    if (!simCase || simCase.state.status !== 'running') return;
    // A case that loops without end (history's data sends it round a loop that takes no time) is
    // stopped and counted, so one case cannot use up the whole run's budget.
    simCase.stepsAtInstant = simCase.lastStepAt === now ? simCase.stepsAtInstant + 1 : 0;
    simCase.lastStepAt = now;
    if ((simCase.steps += 1) > MAX_STEPS_PER_CASE || simCase.stepsAtInstant > MAX_STEPS_AT_ONE_INSTANT) {
      simCase.state = { ...simCase.state, status: 'failed' };
      seen.ended.set(caseId, { at: now, status: 'failed' });
      seen.runaway();
      return;
    }
    const result = step(ir, simCase.state, event, iso(now));
    countStep();
    simCase.state = result.state;
    carryOut(caseId, result.commands, now);
  }

  function pickUp(team: string, now: number): void {
    const people = free.get(team) ?? free.set(team, Array.from({ length: staffing[team] ?? 1 }, (_, i) => i)).get(team)!;
    const list = waiting.get(team) ?? [];
    while (people.length > 0 && list.length > 0) {
      const task = list.shift()!;
      if (task.cancelled || cases.get(task.caseId)?.state.status !== 'running') continue;
      task.person = people.shift()!;
      task.pickedAt = now;
      feed(task.caseId, { type: 'taskClaimed', taskId: task.taskId, actor: `${team}-${task.person + 1}` }, now);
      const workMs = pick(model.workTime[task.nodeId] ?? []) ?? 0;
      queue.push(addWorkingTime(hours, now, workMs), { type: 'workDone', team, taskKey: taskKey(task.caseId, task.taskId) });
    }
  }

  for (let next = queue.pop(); next !== undefined && next.at < until; next = queue.pop()) {
    const { at, event } = next;
    switch (event.type) {
      case 'arrive': {
        const caseId = `${options.caseIdPrefix ?? 'sim'}-${++caseCount}`;
        const profile = pick(model.profiles) ?? { startData: {}, completions: {} };
        const offsetMs = profile.startedAt === undefined ? 0 : at - profile.startedAt;
        const started = start(ir, { caseId, data: shiftDates(profile.startData, offsetMs) }, iso(at));
        countStep();
        cases.set(caseId, { state: started.state, profile, offsetMs, startedAt: at, steps: 1, stepsAtInstant: 0, lastStepAt: at, done: new Map() });
        log?.add(caseId, at, { kind: 'case-started', team: started.state.owner, data: { data: profile.startData } });
        seen.caseStart.set(caseId, at);
        carryOut(caseId, started.commands, at);
        break;
      }
      case 'feed':
        if (event.cancelKey !== undefined && cancelled.delete(event.cancelKey)) break;
        // A called case is written to the log as the workflow writes it: a case of its own, under its caller's id.
        if (event.calledCase !== undefined && event.event.type === 'childCaseCompleted' && cases.get(event.caseId)?.state.status === 'running') {
          log?.add(event.calledCase, at, { kind: 'case-completed', data: { data: event.event.data } });
        }
        feed(event.caseId, event.event, at);
        break;
      case 'pickUp':
        pickUp(event.team, at);
        break;
      case 'workDone': {
        const task = tasks.get(event.taskKey)!;
        tasks.delete(event.taskKey);
        free.get(event.team)!.push(task.person!);
        seen.busyMs.set(event.team, (seen.busyMs.get(event.team) ?? 0) + workingTimeBetween(hours, task.pickedAt!, at));
        if (!task.cancelled) {
          seen.stepDone(task.nodeId, task.team, task.pickedAt! - task.readyAt, at - task.pickedAt!);
          completeLater(task, at);
        }
        pickUp(event.team, at);
        break;
      }
    }
  }
  return seen.summarise(scenario.name, options.from, options.weeks, staffing, hours);
}
