// Bot caseworkers: one per team, each working its team's queue through the API (claim, then complete
// with an Idempotency-Key) and keeping its own ledger of how each completion ended, so the harness
// can prove afterwards that none was lost and none applied twice.
//
// One key per logical operation: the completion of task T always carries `complete:<T>`, on every
// retry, until the API gives a definitive answer. Switching keys after a lost answer would let a
// second completion through the API's guard and hide a duplicate; only the workflow would stop it.
import type { ApiClient, Reply } from './api-client.ts';
import { settlementOf, type ProblemBody, type Settlement } from './operation-settlement.ts';

export interface TaskSummary {
  id: string;
  caseId: string;
  nodeId: string;
  status: string;
  assignee: string | null;
}

export interface CompletionLedger {
  /** taskId → the form data of the completion the API answered 200 to. */
  acknowledged: Map<string, Record<string, unknown>>;
  /** Every task a completion was sent for, answered or not (a request cut by a kill may still land). */
  attempted: Map<string, Record<string, unknown>>;
  /** taskId → the 4xx that ended the operation as moot (the task was no longer open). */
  moot: Map<string, string>;
  /** taskId → the 4xx that refused an operation that should have succeeded (a finding). */
  refused: Map<string, string>;
  /** Retries that found their Idempotency-Key still held by a request a killed API process left. */
  inProgressReplies: number;
  /** Operations that met such a held key at least once (each waited out the lease with the same key). */
  operationsThatMetAHeldKey: Set<string>;
  /** Replies by status, to see what the faults looked like from the caseworker's side. */
  statuses: Map<number, number>;
}

export function emptyLedger(): CompletionLedger {
  return { acknowledged: new Map(), attempted: new Map(), moot: new Map(), refused: new Map(), inProgressReplies: 0, operationsThatMetAHeldKey: new Set(), statuses: new Map() };
}

export function completionKey(taskId: string): string {
  return `complete:${taskId}`;
}

export type FormFiller = (task: TaskSummary) => Record<string, unknown>;

interface Operation {
  task: TaskSummary;
  claimed: boolean;
  /** A held key is not worth asking about again at once; its lease runs for a minute. */
  notBefore: number;
}

export class BotCaseworker {
  /** Completions begun and not yet answered definitively, retried before anything new is taken. */
  private readonly unsettled = new Map<string, Operation>();

  constructor(
    private readonly api: ApiClient,
    private readonly ledger: CompletionLedger,
    private readonly fill: FormFiller,
    private readonly concurrency = 4,
    /** Every request and its answer, one line each, for reading a run afterwards. */
    private readonly trace: (line: string) => void = () => {},
  ) {}

  get unsettledCount(): number {
    return this.unsettled.size;
  }

  /** The operations still waiting for a definitive answer, for a run that stalls. */
  describeUnsettled(): string[] {
    return [...this.unsettled.values()].map((operation) => `${this.api.username} ${operation.task.id} claimed=${operation.claimed} notBefore=${operation.notBefore}`);
  }

  /**
   * Works the team queue until `casesDone()` says every case has finished and every completion this
   * bot began has a definitive answer, or until `abort()`.
   */
  async run(casesDone: () => boolean, abort: () => boolean): Promise<void> {
    while (!abort() && !(casesDone() && this.unsettled.size === 0)) {
      const fresh: Operation[] = [];
      if (!casesDone()) {
        const queue = await this.api.request<{ items?: TaskSummary[] }>('GET', '/api/tasks?view=team&sort=age&limit=40');
        this.count(queue.status);
        if (queue.status !== 200) this.trace(`${this.api.username} queue → ${queue.status}`);
        for (const task of queue.body.items ?? []) {
          const seen = this.ledger.attempted.has(task.id) || this.ledger.moot.has(task.id) || this.ledger.refused.has(task.id);
          if (!seen && !this.unsettled.has(task.id) && (task.assignee === null || task.assignee === this.api.username)) {
            fresh.push({ task, claimed: task.assignee === this.api.username, notBefore: 0 });
            this.trace(`${this.api.username} takes ${task.id} (${task.status}, assignee ${task.assignee})`);
          }
        }
      }
      const now = Date.now();
      const work = [...[...this.unsettled.values()].filter((operation) => operation.notBefore <= now), ...fresh];
      if (work.length === 0 || fresh.length === 0) await new Promise((resolve) => setTimeout(resolve, 300));
      for (let i = 0; i < work.length && !abort(); i += this.concurrency) await Promise.all(work.slice(i, i + this.concurrency).map((operation) => this.work(operation)));
    }
  }

  private count(status: number): void {
    this.ledger.statuses.set(status, (this.ledger.statuses.get(status) ?? 0) + 1);
  }

  private async work(operation: Operation): Promise<void> {
    const { task } = operation;
    const path = `/api/tasks/${encodeURIComponent(task.id)}`;
    this.unsettled.set(task.id, operation);
    if (!operation.claimed && !(await this.claim(operation, path))) return;
    const data = this.ledger.attempted.get(task.id) ?? this.fill(task);
    this.ledger.attempted.set(task.id, data);
    const reply: Reply<ProblemBody> = await this.api.request<ProblemBody>('POST', `${path}/complete`, { data }, { 'idempotency-key': completionKey(task.id) });
    this.count(reply.status);
    this.trace(`${this.api.username} complete ${task.id} → ${reply.status} ${reply.body.code ?? ''}`);
    this.settle(operation, settlementOf(reply), data);
  }

  /**
   * Claims the task; true once it is this bot's. A claim has no Idempotency-Key, so when its answer is
   * lost (no reply, a 502/503 from HAProxy as a replica dies) or is a 409, the bot reads the task
   * back, as a caseworker reloads the page: its own already, open still (claim again next round), or
   * gone to someone or something else. Any other 4xx is a finding, reported and never retried blindly.
   */
  private async claim(operation: Operation, path: string): Promise<boolean> {
    const { task } = operation;
    const claim = await this.api.request<ProblemBody>('POST', `${path}/claim`);
    this.count(claim.status);
    this.trace(`${this.api.username} claim ${task.id} → ${claim.status} ${claim.body.code ?? ''}`);
    if (claim.status === 200) return (operation.claimed = true);
    const settlement = settlementOf(claim);
    if (settlement.kind === 'refused' && claim.status !== 409) {
      this.settle(operation, { kind: 'refused', reason: `claim: ${settlement.reason}` }, {});
      return false;
    }
    const now = await this.api.request<Partial<TaskSummary> & ProblemBody>('GET', path);
    this.count(now.status);
    this.trace(`${this.api.username} reads ${task.id} → ${now.status} ${now.body.status ?? now.body.code ?? ''} ${now.body.assignee ?? ''}`);
    if (now.status !== 200) {
      if (settlementOf(now).kind === 'refused') this.settle(operation, { kind: 'refused', reason: `reading the task back after its claim: ${now.status} ${now.body.code ?? ''}` }, {});
      return false;
    }
    if (now.body.assignee === this.api.username && now.body.status === 'claimed') return (operation.claimed = true);
    if (now.body.status !== 'open') this.settle(operation, { kind: 'moot', reason: `claim: the task is ${now.body.status}${now.body.assignee ? ` by ${now.body.assignee}` : ''}` }, {});
    return false;
  }

  private settle(operation: Operation, settlement: Settlement, data: Record<string, unknown>): void {
    const taskId = operation.task.id;
    switch (settlement.kind) {
      case 'done':
        this.ledger.acknowledged.set(taskId, data);
        this.unsettled.delete(taskId);
        return;
      case 'moot':
        this.ledger.moot.set(taskId, settlement.reason);
        this.unsettled.delete(taskId);
        return;
      case 'refused':
        this.ledger.refused.set(taskId, settlement.reason);
        this.unsettled.delete(taskId);
        return;
      case 'key-held':
        this.ledger.inProgressReplies += 1;
        this.ledger.operationsThatMetAHeldKey.add(taskId);
        operation.notBefore = Date.now() + 2_000;
        return;
      case 'claim-first':
        operation.claimed = false;
        return;
      case 'retry':
        return;
    }
  }
}
