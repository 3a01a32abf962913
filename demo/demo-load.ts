// The demo load: runs cases of the FNO sample library through the real engine so a fresh Casemap
// shows populated insights. Demo caseworkers ("bots", one to three per team) claim and complete
// tasks with the same workflow Updates the API sends, other systems' messages arrive as the same
// Signals, and every pause is a simulated duration scaled to real time (`hourMs` ms per simulated
// hour). It starts cases only up to `cases` demo cases in total, counted in the store, so restarts
// carry on the same cases instead of piling up new ones. It never blocks: it runs on a timer.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Database } from '../storage/database.ts';
import { findCase, searchCases, type CaseRow } from '../storage/case-queries.ts';
import { findDeployedVersion } from '../storage/definition-store.ts';
import { findWaitsOfCases, recordMessage } from '../storage/message-store.ts';
import { queryInbox, type TaskRow } from '../storage/task-queries.ts';
import { confirmAnswered } from '../services/case-log-confirm.ts';
import type { FormField } from '../domain/process/ir.ts';
import { claimTaskUpdate, completeTaskUpdate, messageSignal, workflowIdForCase, type Actor } from '../workflows/case-api.ts';
import { DEMO_MARKER, demoMessages, type DemoMessage, formDataFor, messageDelayHours, scenarioFor, seededRandom, stallsAt, stepTiming, type DemoScenario } from './demo-load-plan.ts';

/** Who starts demo cases (recorded as the case's starter). */
export const DEMO_STARTER = 'demo-load';
const FNO = 'fno-returns-casework';
/** A new case arrives every so many simulated hours until the target is reached. */
const ARRIVAL_HOURS = 8;
/** Updates under way at once: enough to keep up, few enough to leave the worker room on two cores. */
const PARALLEL_ACTIONS = 4;

export interface DemoLoadDeps {
  db: Database;
  client: Client;
  /** Starts a case as `POST /api/cases` does (services/case-start.ts startOwnCase, wired by stack/start-casemap.ts). */
  startCase(request: { definitionId: string; data: Record<string, unknown>; startedBy: string; idempotencyKey: string }): Promise<{ caseId: string }>;
  log?: (line: string) => void;
}

export interface DemoLoadOptions {
  /** Demo FNO cases to have in total (started cases count, whether open or ended). */
  cases: number;
  /** Real milliseconds per simulated hour. */
  hourMs: number;
  /** How often the demo caseworkers look at their queues, in ms. */
  tickMs?: number;
  /**
   * Tells this Casemap's demo cases from another's on a shared Temporal namespace (pass the task
   * queue): case ids come from it, so two installations never start the same workflow id.
   */
  installation: string;
}

export interface RunningDemoLoad {
  /** Demo FNO cases that exist (started by this or an earlier run). */
  started(): number;
  stop(): Promise<void>;
}

const PAGE = 200;

/** One thing a demo caseworker or another system does now; the key says which, so it is never under way twice. */
interface DemoAction {
  key: string;
  run(): Promise<unknown>;
}

async function allPages(load: (offset: number) => Promise<{ items: CaseRow[]; total: number }>): Promise<CaseRow[]> {
  const rows: CaseRow[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await load(offset);
    rows.push(...page.items);
    if (page.items.length < PAGE || rows.length >= page.total) return rows;
  }
}

/** A demo caseworker of the task's team; the same one for the same task, across restarts. */
function botFor(task: TaskRow): Actor {
  const n = 1 + Math.floor(seededRandom(`bot:${task.id}`)() * 3);
  return { userId: `demo-${task.team}-${n}`, teams: [task.team], leadOf: [], roles: ['caseworker'] };
}

const rootOf = (caseId: string) => caseId.split('.')[0] as string;

export function startDemoLoad(deps: DemoLoadDeps, options: DemoLoadOptions): RunningDemoLoad {
  const { db, client, log = () => {} } = deps;
  const tickMs = options.tickMs ?? 250;
  let existing = -1;
  let nextArrival = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  /** When a case was first seen waiting for a message (by `<caseId>|<message>`). */
  const waitingSince = new Map<string, number>();
  const failedOnce = new Set<string>();
  /** Actions under way by key (`task:<id>`, `message:<caseId>|<name>`), and when each last finished. */
  const inFlight = new Map<string, Promise<unknown>>();
  const finishedAt = new Map<string, number>();
  /** Actions due at the last look, not yet sent, and when that look began. */
  let pending: DemoAction[] = [];
  let pendingReadAt = 0;

  const hours = (n: number) => n * options.hourMs;

  async function startCases(now: number): Promise<void> {
    if (existing < 0) {
      const found = await searchCases(db, { scope: { kind: 'all' }, definitionId: FNO, dataField: 'demoLoad', dataValue: DEMO_MARKER, sort: 'started', limit: 1, offset: 0 });
      existing = found.total;
      if (existing < options.cases && !(await findDeployedVersion(db, FNO))) {
        log(`demo load: process ${FNO} is not deployed, so no demo cases are started`);
        existing = options.cases;
      }
    }
    if (existing >= options.cases || now < nextArrival) return;
    const index = existing;
    const scenario: DemoScenario = scenarioFor(index);
    // The key makes a retried start after a crash find the case it already made.
    await deps.startCase({ definitionId: FNO, data: { demoLoad: DEMO_MARKER, demoScenario: scenario, demoIndex: index }, startedBy: DEMO_STARTER, idempotencyKey: `demo-load-${options.installation}-${index}` });
    existing += 1;
    nextArrival = now + hours(ARRIVAL_HOURS);
  }

  /** The next Update a demo caseworker sends for this task now, if any. */
  function actionFor(task: TaskRow, root: CaseRow, now: number): (() => Promise<unknown>) | undefined {
    const scenario = (root.data.demoScenario ?? 'runs-to-the-end') as DemoScenario;
    if (stallsAt[scenario] === task.nodeId && root.id === task.caseId) return undefined;
    const timing = stepTiming(task.nodeId, task.id);
    const bot = botFor(task);
    const handle = client.workflow.getHandle(workflowIdForCase(task.caseId));
    const taskId = task.id.slice(task.caseId.length + 1);
    if (task.status === 'open' && now >= Date.parse(task.createdAt) + hours(timing.waitingHours)) {
      // Like the API, the answer confirms the case log it proves recorded (services/case-log-confirm.ts).
      return async () => confirmAnswered(db, task.caseId, await handle.executeUpdate(claimTaskUpdate, { args: [{ taskId, actor: bot }] }));
    }
    if (task.status === 'claimed' && task.assignee === bot.userId && task.claimedAt && now >= Date.parse(task.claimedAt) + hours(timing.processingHours)) {
      return async () => {
        const current = await findCase(db, task.caseId, { kind: 'all' });
        const data = formDataFor(task.form as FormField[], {
          nodeId: task.nodeId, caseData: current?.data ?? {}, scenario, taskKey: task.id, rootCaseId: root.id, now: new Date(now), hourMs: options.hourMs,
          removalCancelled: messageDelayHours('Removal cancelled', task.caseId) !== null,
        });
        return confirmAnswered(db, task.caseId, await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, actor: bot, data }] }));
      };
    }
    return undefined;
  }

  /**
   * Messages from other systems to demo cases that wait for them, after their simulated delay. One
   * statement finds every open case's waits: a look-up per case and message grew with the cases
   * left open and took a quarter of each tick from the engine it shares a thread with.
   */
  async function messageActions(open: CaseRow[], now: number): Promise<DemoAction[]> {
    const referenceOf = new Map<string, string>();
    for (const row of open) if (typeof row.data.caseReference === 'string') referenceOf.set(row.id, row.data.caseReference);
    const waits = await findWaitsOfCases(db, [...referenceOf].map(([caseId, correlationKey]) => ({ caseId, correlationKey })), demoMessages);
    const waiting = new Set(waits.map((wait) => `${wait.caseId}|${wait.messageName}`));
    for (const key of waitingSince.keys()) if (!waiting.has(key)) waitingSince.delete(key);
    const actions: DemoAction[] = [];
    const scenarioOf = new Map(open.map((row) => [row.id, (row.data.demoScenario ?? 'runs-to-the-end') as DemoScenario]));
    for (const { caseId, messageName } of waits) {
      const name = messageName as DemoMessage;
      const reference = referenceOf.get(caseId)!;
      const key = `${caseId}|${name}`;
      const since = waitingSince.get(key) ?? now;
      waitingSince.set(key, since);
      const delay = messageDelayHours(name, caseId, scenarioOf.get(caseId));
      if (delay === null || now < since + hours(delay)) continue;
      actions.push({
        key: `message:${key}`,
        async run() {
          waitingSince.delete(key);
          const messageId = `demo-load-${randomUUID()}`;
          // Recorded like a message from the messages API, then delivered as its Signal.
          await recordMessage(db, { id: messageId, name, correlationKey: reference, payload: {}, targetCaseId: caseId, sentBy: DEMO_STARTER }, 'delivered', [caseId]);
          await client.workflow.getHandle(workflowIdForCase(caseId)).signal(messageSignal, { messageId, messageName: name, correlationKey: reference, data: {} });
        },
      });
    }
    return actions;
  }

  /**
   * Sends pending actions while fewer than PARALLEL_ACTIONS are under way. The queue holds the
   * latest tick's view only; an action under way, or finished since that view was read, is not
   * sent again from it (its Update may not show in the inbox the view came from).
   */
  function dispatch(): void {
    while (!stopped && inFlight.size < PARALLEL_ACTIONS && pending.length > 0) {
      const action = pending.shift()!;
      if (inFlight.has(action.key) || (finishedAt.get(action.key) ?? -Infinity) >= pendingReadAt) continue;
      const done = action
        .run()
        .catch((error: unknown) => {
          // A refused Update (the task moved on meanwhile) is normal; say each kind once.
          const text = error instanceof Error ? error.message : String(error);
          if (!failedOnce.has(text)) log(`demo load: ${text}`);
          failedOnce.add(text);
        })
        .finally(() => {
          inFlight.delete(action.key);
          finishedAt.set(action.key, performance.now());
          dispatch();
        });
      inFlight.set(action.key, done);
    }
  }

  /**
   * Looks at the queues and hands what is due to dispatch: the next look does not wait for the
   * Updates of this one, as caseworkers do not wait for each other's clicks.
   */
  async function tick(): Promise<void> {
    const now = Date.now();
    const readAt = performance.now();
    await startCases(now);
    const open = await allPages((offset) => searchCases(db, { scope: { kind: 'all' }, status: 'running', dataField: 'demoLoad', dataValue: DEMO_MARKER, sort: 'started', limit: PAGE, offset }));
    const byId = new Map(open.map((row) => [row.id, row]));
    const tasks = await queryInbox(db, { userId: DEMO_STARTER, teams: undefined, view: 'all-open', sort: 'age', now: new Date(now).toISOString(), dueSoonHours: 48, limit: 2000, offset: 0 });
    const actions: DemoAction[] = [];
    for (const task of tasks.items) {
      const root = byId.get(rootOf(task.caseId));
      if (!root || !byId.has(task.caseId)) continue;
      const run = actionFor(task, root, now);
      if (run) actions.push({ key: `task:${task.id}`, run });
    }
    actions.push(...(await messageActions(open, now)));
    for (const [key, at] of finishedAt) if (at < readAt) finishedAt.delete(key);
    pending = actions;
    pendingReadAt = readAt;
    dispatch();
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((error: unknown) => log(`demo load: ${error instanceof Error ? error.message : String(error)}`))
        .finally(schedule);
    }, tickMs);
  };
  schedule();
  log(`demo load: up to ${options.cases} demo cases of ${FNO}, 1 simulated hour = ${options.hourMs} ms`);

  return {
    started: () => Math.max(existing, 0),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await Promise.all(inFlight.values());
    },
  };
}
