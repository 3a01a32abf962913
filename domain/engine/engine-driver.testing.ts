// Drives the engine in tests: keeps the state, every command issued, and finds the ids to answer.
import type { ProcessIR } from '../process/ir.ts';
import type { CaseData, CaseEvent, EngineCommand, EngineEvent } from './contract.ts';
import type { EngineOptions, EngineState } from './engine-state.ts';
import { start, step } from './index.ts';

export const T0 = '2026-03-02T09:00:00.000Z';

/** Counts calendar days only, so deadlines in tests do not depend on bank holidays. */
export const plainDays: EngineOptions = {
  addDuration: (startIso, duration) => {
    const days = /^P(\d+)D$/.exec(duration);
    const hours = /^PT(\d+)H$/.exec(duration);
    const ms = days ? Number(days[1]) * 86_400_000 : hours ? Number(hours[1]) * 3_600_000 : 0;
    return new Date(new Date(startIso).getTime() + ms).toISOString();
  },
};

export class Driver {
  state: EngineState;
  /** Commands of the last start or step. */
  last: EngineCommand[];
  readonly all: EngineCommand[] = [];
  rejected: string | undefined;

  constructor(
    readonly process: ProcessIR,
    data: CaseData = {},
    readonly options: EngineOptions = plainDays,
    now = T0,
  ) {
    const result = start(process, { caseId: 'c1', data }, now, options);
    this.state = result.state;
    this.last = result.commands;
    this.all.push(...result.commands);
  }

  send(event: EngineEvent, now = T0): this {
    const result = step(this.process, this.state, event, now, this.options);
    this.state = result.state;
    this.last = result.commands;
    this.rejected = result.rejected;
    this.all.push(...result.commands);
    return this;
  }

  taskId(nodeId: string): string {
    const task = Object.values(this.state.userTasks).find((t) => t.nodeId === nodeId);
    if (!task) throw new Error(`no open task on ${nodeId}; open: ${JSON.stringify(Object.keys(this.state.userTasks))}`);
    return task.taskId;
  }

  activityId(nodeId: string): string {
    const activity = Object.values(this.state.activities).find((a) => a.nodeId === nodeId);
    if (!activity) throw new Error(`no activity on ${nodeId}`);
    return activity.taskId;
  }

  timerId(nodeId: string, purpose?: string): string {
    const t = Object.values(this.state.timers).find((x) => x.nodeId === nodeId && (purpose === undefined || x.purpose === purpose));
    if (!t) throw new Error(`no timer on ${nodeId}; timers: ${JSON.stringify(this.state.timers)}`);
    return t.timerId;
  }

  subscriptionId(nodeId: string): string {
    const s = Object.values(this.state.subscriptions).find((x) => x.nodeId === nodeId);
    if (!s) throw new Error(`no subscription on ${nodeId}`);
    return s.subscriptionId;
  }

  complete(nodeId: string, data: CaseData = {}): this {
    return this.send({ type: 'userTaskCompleted', taskId: this.taskId(nodeId), data, actor: 'tester' });
  }

  fire(nodeId: string, purpose?: string): this {
    return this.send({ type: 'timerFired', timerId: this.timerId(nodeId, purpose) });
  }

  /** Node ids at which tokens wait, sorted. */
  waitingAt(): string[] {
    return Object.values(this.state.tokens).map((t) => t.nodeId).sort();
  }

  lastOf<T extends EngineCommand['type']>(type: T): Extract<EngineCommand, { type: T }>[] {
    return this.last.filter((c): c is Extract<EngineCommand, { type: T }> => c.type === type);
  }

  allOf<T extends EngineCommand['type']>(type: T): Extract<EngineCommand, { type: T }>[] {
    return this.all.filter((c): c is Extract<EngineCommand, { type: T }> => c.type === type);
  }

  events(kind?: CaseEvent['kind'], commands = this.all): CaseEvent[] {
    return commands.flatMap((c) => (c.type === 'emit' && (kind === undefined || c.event.kind === kind) ? [c.event] : []));
  }

  /** Node ids of elements entered, in order. */
  entered(): string[] {
    return this.events('element-entered').map((e) => ('nodeId' in e ? e.nodeId : ''));
  }
}
