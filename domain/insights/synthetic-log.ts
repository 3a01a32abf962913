// A deterministic synthetic FNO returns event log (seeded PRNG, no clock) for tests and benchmarks.
import type { CaseLogEvent } from '../events/case-log-event.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** mulberry32: a small, fast, seedable PRNG; returns uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Step {
  nodeId: string;
  name: string;
  team: string;
  slaDays: number;
  /** Median hours waiting in the queue and being worked on; spread is log-normal. */
  waitHours: number;
  workHours: number;
  acceptHours?: number;
}

/** The sample FNO end-to-end process, from referral to removal, with its teams and SLAs. */
export const syntheticSteps = {
  refer: { nodeId: 'Task_refer', name: 'Refer case to FNO Returns', team: 'prison-casework', slaDays: 5, waitHours: 30, workHours: 3 },
  decide: { nodeId: 'Task_decide', name: 'Make deportation decision', team: 'fno-returns', slaDays: 10, waitHours: 120, workHours: 8, acceptHours: 48 },
  barriers: { nodeId: 'Task_barriers', name: 'Clear barriers to removal', team: 'barrier-clearance', slaDays: 20, waitHours: 200, workHours: 16, acceptHours: 48 },
  submissions: { nodeId: 'Task_submissions', name: 'Review further submissions', team: 'fno-returns', slaDays: 10, waitHours: 72, workHours: 5, acceptHours: 48 },
  redoc: { nodeId: 'Task_redoc', name: 'Request travel document', team: 'redocumentation', slaDays: 15, waitHours: 96, workHours: 4, acceptHours: 48 },
  chase: { nodeId: 'Task_chase_embassy', name: 'Chase embassy for travel document', team: 'redocumentation', slaDays: 10, waitHours: 150, workHours: 2 },
  book: { nodeId: 'Task_book', name: 'Book removal and tickets', team: 'removals-logistics', slaDays: 5, waitHours: 40, workHours: 4, acceptHours: 24 },
  escorts: { nodeId: 'Task_escorts', name: 'Confirm escorts at the 72-hour point', team: 'escorting', slaDays: 2, waitHours: 12, workHours: 2, acceptHours: 12 },
  remove: { nodeId: 'Task_remove', name: 'Confirm removal outcome', team: 'removals-logistics', slaDays: 3, waitHours: 20, workHours: 1, acceptHours: 24 },
  failed: { nodeId: 'Task_failed_removal', name: 'Update case record and cancel tickets', team: 'removals-logistics', slaDays: 1, waitHours: 10, workHours: 1 },
} satisfies Record<string, Step>;

export interface SyntheticLogOptions {
  seed: number;
  cases: number;
  /** When the first case starts (ISO 8601). */
  start: string;
  /** Mean new cases per day. */
  casesPerDay?: number;
  /** Events after this instant have not happened yet: later cases stay open. */
  until?: string;
  /** 'time': all cases interleaved in time order, as the log table holds them; 'case': case by case. */
  order?: 'time' | 'case';
  definitionId?: string;
  version?: number;
}

interface Draft {
  at: number;
  event: Omit<CaseLogEvent, 'id' | 'caseId' | 'at'>;
}

export function generateSyntheticLog(options: SyntheticLogOptions): CaseLogEvent[] {
  const random = mulberry32(options.seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  // Log-normal around the median, so most work is quick and a long tail waits for weeks.
  const spread = (medianHours: number, sigma = 0.8) => Math.round(medianHours * HOUR * Math.exp(sigma * normal())) + Math.floor(random() * 60_000);
  const origin = Date.parse(options.start);
  const until = options.until === undefined ? Infinity : Date.parse(options.until);
  const perDay = options.casesPerDay ?? 20;
  const definitionId = options.definitionId ?? 'fno-end-to-end';
  const version = options.version ?? 1;
  const all: { at: number; caseIndex: number; n: number; event: CaseLogEvent }[] = [];
  let arrival = origin;

  for (let c = 0; c < options.cases; c += 1) {
    arrival += Math.round((-Math.log(1 - random()) * DAY) / perDay);
    const caseId = `case-${String(c + 1).padStart(6, '0')}`;
    const drafts: Draft[] = [];
    let t = arrival;
    let owner: string | undefined;
    let taskCount = 0;
    const add = (at: number, event: Draft['event']) => drafts.push({ at, event });
    const ersDate = new Date(arrival + (60 + Math.floor(random() * 150)) * DAY).toISOString().slice(0, 10);
    add(t, { kind: 'case-started', data: { definitionId, version, workflowId: `case-${caseId}`, data: { nationality: random() < 0.5 ? 'NG' : 'AL', ersDate } } });
    add(t, { kind: 'element-entered', nodeId: 'Start_sentenced', data: { instanceId: 'start' } });
    add(t, { kind: 'element-completed', nodeId: 'Start_sentenced', data: { instanceId: 'start' } });

    const run = (step: Step, data: Record<string, unknown> = {}) => {
      taskCount += 1;
      const taskId = `t${taskCount}`;
      const handoffFrom = owner !== undefined && owner !== step.team ? owner : undefined;
      if (owner !== step.team) {
        add(t, { kind: 'ownership-changed', nodeId: step.nodeId, team: step.team, data: { ...(owner === undefined ? {} : { fromTeam: owner }), toTeam: step.team } });
        owner = step.team;
      }
      const dueAt = t + step.slaDays * DAY;
      const acceptBy = handoffFrom !== undefined && step.acceptHours !== undefined ? t + step.acceptHours * HOUR : undefined;
      add(t, { kind: 'element-entered', nodeId: step.nodeId, data: { instanceId: taskId } });
      add(t, {
        kind: 'task-ready', nodeId: step.nodeId, taskId, team: step.team, data: {},
        task: { name: step.name, team: step.team, form: [], priority: 0, dueAt: new Date(dueAt).toISOString(), ...(handoffFrom ? { handoffFrom } : {}), ...(acceptBy ? { acceptBy: new Date(acceptBy).toISOString() } : {}) },
      });
      const claimedAt = t + spread(step.waitHours);
      const actor = `${step.team}-user-${1 + Math.floor(random() * 8)}`;
      if (acceptBy !== undefined && claimedAt > acceptBy) add(acceptBy, { kind: 'handoff-overdue', nodeId: step.nodeId, taskId, team: step.team, data: {} });
      add(claimedAt, { kind: 'task-claimed', taskId, team: step.team, actor, data: {} });
      if (handoffFrom !== undefined) add(claimedAt, { kind: 'handoff-accepted', taskId, team: step.team, actor, data: {} });
      const completedAt = claimedAt + spread(step.workHours, 0.6);
      if (completedAt > dueAt) add(dueAt, { kind: 'sla-breached', nodeId: step.nodeId, taskId, team: step.team, data: {} });
      add(completedAt, { kind: 'task-completed', nodeId: step.nodeId, taskId, team: step.team, actor, data });
      add(completedAt, { kind: 'element-completed', nodeId: step.nodeId, data: { instanceId: taskId } });
      t = completedAt + 1000 + Math.floor(random() * 60_000);
    };

    const s = syntheticSteps;
    run(s.refer, { prisonNumber: `A${1000 + c}BC` });
    const deport = random() >= 0.06;
    run(s.decide, { decision: deport ? 'deport' : 'do-not-deport' });
    if (deport) {
      if (random() < 0.45) {
        run(s.barriers);
        while (random() < 0.3) {
          run(s.submissions);
          run(s.barriers);
        }
      }
      run(s.redoc);
      while (random() < 0.35) {
        run(s.chase);
        run(s.redoc);
      }
      for (let attempt = 0; ; attempt += 1) {
        const removalDate = new Date(t + (5 + Math.floor(random() * 20)) * DAY).toISOString();
        run(s.book, { removalDate });
        run(s.escorts);
        run(s.remove, { removalOutcome: 'removed' });
        if (attempt >= 2 || random() >= 0.12) break;
        run(s.failed, { failureReason: random() < 0.5 ? 'disruptive behaviour' : 'late legal challenge' });
      }
    }
    add(t, { kind: 'element-entered', nodeId: 'End_closed', data: { instanceId: 'end' } });
    add(t, { kind: 'element-completed', nodeId: 'End_closed', data: { instanceId: 'end' } });
    add(t, { kind: 'case-completed', data: { data: {} } });

    // Events reach the log in time order within a case (stable for events at the same instant).
    drafts.sort((a, b) => a.at - b.at);
    let n = 0;
    for (const draft of drafts) {
      if (draft.at > until) break;
      n += 1;
      all.push({ at: draft.at, caseIndex: c, n, event: { ...draft.event, id: `${caseId}:${n}`, caseId, at: new Date(draft.at).toISOString() } as CaseLogEvent });
    }
  }
  if ((options.order ?? 'time') === 'time') all.sort((a, b) => a.at - b.at || a.caseIndex - b.caseIndex || a.n - b.n);
  return all.map((entry) => entry.event);
}
