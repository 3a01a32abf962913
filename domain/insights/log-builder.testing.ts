// Builds small, hand-checkable case logs for the insights tests: times are hours after a base instant.
import type { CaseLogEvent } from '../events/case-log-event.ts';

export const BASE = Date.parse('2026-01-05T00:00:00.000Z'); // a Monday, London on GMT
export const HOUR = 3_600_000;
export const at = (hours: number): string => new Date(BASE + hours * HOUR).toISOString();

interface TaskTimes {
  ready: number;
  claimed?: number;
  completed?: number;
  cancelled?: number;
  due?: number;
  team: string;
  /** Log a handoff into this task's team from the previous owner when it is ready. */
  from?: string;
  data?: Record<string, unknown>;
}

export class CaseLogBuilder {
  readonly events: CaseLogEvent[] = [];
  private n = 0;
  private tasks = 0;

  constructor(readonly caseId: string) {}

  private add(event: Omit<CaseLogEvent, 'id' | 'caseId' | 'data'> & { data?: Record<string, unknown> }): this {
    this.n += 1;
    this.events.push({ ...event, data: event.data ?? {}, id: `${this.caseId}:${this.n}`, caseId: this.caseId });
    return this;
  }

  start(hours: number, data: Record<string, unknown> = {}, version = 1): this {
    return this.add({ kind: 'case-started', at: at(hours), data: { definitionId: 'fno', version, workflowId: `case-${this.caseId}`, data } });
  }

  task(nodeId: string, name: string, t: TaskTimes): this {
    this.tasks += 1;
    const taskId = `t${this.tasks}`;
    if (t.from !== undefined) this.add({ kind: 'ownership-changed', at: at(t.ready), nodeId, team: t.team, data: { fromTeam: t.from, toTeam: t.team } });
    this.add({ kind: 'task-ready', at: at(t.ready), nodeId, taskId, team: t.team, task: { name, team: t.team, form: [], priority: 0, ...(t.due === undefined ? {} : { dueAt: at(t.due) }) } });
    if (t.claimed !== undefined) this.add({ kind: 'task-claimed', at: at(t.claimed), taskId, team: t.team, actor: `${t.team}-user` });
    if (t.completed !== undefined) this.add({ kind: 'task-completed', at: at(t.completed), nodeId, taskId, team: t.team, data: t.data ?? {} });
    if (t.cancelled !== undefined) this.add({ kind: 'task-cancelled', at: at(t.cancelled), taskId });
    return this;
  }

  event(kind: CaseLogEvent['kind'], hours: number, extra: Partial<CaseLogEvent> = {}): this {
    return this.add({ kind, at: at(hours), ...extra });
  }

  end(hours: number, kind: 'case-completed' | 'case-failed' | 'case-cancelled' = 'case-completed'): this {
    return this.add({ kind, at: at(hours) });
  }
}

export const caseLog = (caseId: string): CaseLogBuilder => new CaseLogBuilder(caseId);

/**
 * The three-case log the insights tests check by hand (hours after Monday 2026-01-05 00:00 UTC; now = 12):
 * c1 (v1): A ready 0 claimed 2 done 3 (due 4); handoff a→b at 3; B ready 3 claimed 7 done 10 (due 8,
 *          sla-breached at 8); handoff b→a at 10; A again ready 10 claimed 11 done 13 (due 14); ends 13.
 * c2 (v2): starts 1; A ready 1 claimed 2 done 5 (due 6); handoff a→b at 5; B ready 5 claimed 6 done 8 (due 12); ends 8.
 * c3 (v2): starts 2, still open; A ready 2 claimed 4 done 6 (due 8); handoff a→b at 6; B ready 6 (due 9), unclaimed;
 *          ersDate 14h, removalDate 84h (so its 72-hour point is 12h).
 */
export function threeCaseLog(): CaseLogEvent[] {
  const c1 = caseLog('c1').start(0, {}, 1).event('ownership-changed', 0, { team: 'a', data: { toTeam: 'a' } })
    .task('A', 'Task A', { team: 'a', ready: 0, claimed: 2, completed: 3, due: 4 })
    .task('B', 'Task B', { team: 'b', from: 'a', ready: 3, claimed: 7, completed: 10, due: 8 })
    .task('A', 'Task A', { team: 'a', from: 'b', ready: 10, claimed: 11, completed: 13, due: 14 })
    .end(13);
  c1.events.splice(c1.events.findIndex((e) => e.kind === 'task-completed' && e.nodeId === 'B'), 0, { id: 'c1:breach', caseId: 'c1', kind: 'sla-breached', at: at(8), nodeId: 'B', taskId: 't2', team: 'b', data: {} });
  const c2 = caseLog('c2').start(1, {}, 2)
    .task('A', 'Task A', { team: 'a', ready: 1, claimed: 2, completed: 5, due: 6 })
    .task('B', 'Task B', { team: 'b', from: 'a', ready: 5, claimed: 6, completed: 8, due: 12 })
    .end(8);
  const c3 = caseLog('c3').start(2, { ersDate: at(14), removalDate: at(84) }, 2)
    .task('A', 'Task A', { team: 'a', ready: 2, claimed: 4, completed: 6, due: 8 })
    .task('B', 'Task B', { team: 'b', from: 'a', ready: 6, due: 9 });
  return [...c1.events, ...c2.events, ...c3.events];
}
