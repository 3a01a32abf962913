// Fits a simulation model to a process version's event history: when cases arrived, how long each
// step took the person working on it, how long waits and automated steps took, the data each case
// carried (so branches keep history's mix, what called cases returned included) and how many people
// each team had.
import type { CaseLogEvent } from '../events/case-log-event.ts';
import type { CaseData } from '../engine/contract.ts';
import { buildTraces } from '../insights/case-traces.ts';
import { hourlyArrivalsOf } from './arrivals.ts';
import { calledCaseId, splitCalledCases } from './called-cases.ts';
import { fitMessageWaits } from './message-waits.ts';
import type { CaseProfile, SimulationModel } from './simulation-model.ts';
import { officeHours, workingTimeBetween, type WorkingHours } from './working-hours.ts';

export interface FitOptions {
  /** Only cases started in [from, to) are used (epoch ms); defaults to the whole log. */
  readonly from?: number;
  readonly to?: number;
  readonly hours?: WorkingHours;
}

const isRecord = (value: unknown): value is CaseData => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `events` may hold the called cases' logs too (their ids say whose they are); they are not arrivals. */
export function fitSimulationModel(log: readonly CaseLogEvent[], options: FitOptions = {}): SimulationModel {
  const hours = options.hours ?? officeHours;
  const { own: events, returned } = splitCalledCases(log);
  const all = buildTraces(events);
  const from = options.from ?? Math.min(...all.map((trace) => trace.startedAt));
  const to = options.to ?? Math.max(...all.map((trace) => trace.lastEventAt)) + 1;
  const traces = all.filter((trace) => trace.startedAt >= from && trace.startedAt < to);
  const kept = new Set(traces.map((trace) => trace.caseId));

  const workTime: Record<string, number[]> = {};
  const elementTime: Record<string, number[]> = {};
  const taskNodes = new Set<string>();
  for (const trace of traces) {
    for (const task of trace.tasks) {
      taskNodes.add(task.nodeId);
      const began = Number.isNaN(task.claimedAt) ? task.readyAt : task.claimedAt;
      // A step whose start or end the log does not hold says nothing about how long it takes.
      if (!Number.isFinite(task.completedAt) || !Number.isFinite(began)) continue;
      (workTime[task.nodeId] ??= []).push(workingTimeBetween(hours, began, task.completedAt));
    }
  }
  for (const trace of traces) {
    for (const visit of trace.elements) {
      if (taskNodes.has(visit.nodeId) || !Number.isFinite(visit.completedAt) || !Number.isFinite(visit.enteredAt)) continue;
      (elementTime[visit.nodeId] ??= []).push(Math.max(0, visit.completedAt - visit.enteredAt));
    }
  }

  const startData = new Map<string, CaseData>();
  const completions = new Map<string, Record<string, CaseData[]>>();
  const people = new Map<string, Set<string>>();
  for (const event of events) {
    if (!kept.has(event.caseId)) continue;
    if (event.kind === 'case-started') startData.set(event.caseId, isRecord(event.data.data) ? event.data.data : {});
    if (event.kind === 'task-completed' && event.nodeId !== undefined) {
      const perNode = completions.get(event.caseId) ?? completions.set(event.caseId, {}).get(event.caseId)!;
      (perNode[event.nodeId] ??= []).push(event.data);
      if (event.team !== undefined && event.actor !== undefined) (people.get(event.team) ?? people.set(event.team, new Set()).get(event.team)!).add(event.actor);
    }
    // A call activity's visit names its called case; what that case returned is the call's "completion".
    if (event.kind === 'element-entered' && event.nodeId !== undefined && typeof event.data.instanceId === 'string') {
      const data = returned.get(calledCaseId(event.caseId, event.data.instanceId));
      if (data !== undefined) {
        const perNode = completions.get(event.caseId) ?? completions.set(event.caseId, {}).get(event.caseId)!;
        (perNode[event.nodeId] ??= []).push(data);
      }
    }
  }
  const profiles: CaseProfile[] = traces.map((trace) => ({ startedAt: trace.startedAt, startData: startData.get(trace.caseId) ?? {}, completions: completions.get(trace.caseId) ?? {} }));

  return {
    arrivalsPerHour: hourlyArrivalsOf(traces.map((trace) => trace.startedAt), from, to, hours),
    workTime,
    elementTime,
    messageWaits: fitMessageWaits(events.filter((event) => kept.has(event.caseId))),
    profiles,
    teamPeople: Object.fromEntries([...people].map(([team, members]) => [team, members.size])),
    period: { from, to, cases: traces.length },
  };
}
