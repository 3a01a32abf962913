// Bot caseworkers: one per team, each working its team's queue through the API (claim, then complete
// with an Idempotency-Key) and keeping its own ledger of the completions the API acknowledged, so
// the harness can prove afterwards that none was lost and none applied twice.
import type { ApiClient } from './api-client.ts';

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
  /** Requests whose Idempotency-Key was left "in progress" by a killed API process. */
  stuckKeys: number;
  /** Replies by status, to see what the faults looked like from the caseworker's side. */
  statuses: Map<number, number>;
}

export function emptyLedger(): CompletionLedger {
  return { acknowledged: new Map(), attempted: new Map(), stuckKeys: 0, statuses: new Map() };
}

export type FormFiller = (task: TaskSummary) => Record<string, unknown>;

export class BotCaseworker {
  private readonly keyGeneration = new Map<string, number>();

  constructor(
    private readonly api: ApiClient,
    private readonly ledger: CompletionLedger,
    private readonly fill: FormFiller,
    private readonly concurrency = 4,
  ) {}

  /** Works the team queue until `done()` says stop. */
  async run(done: () => boolean): Promise<void> {
    while (!done()) {
      const queue = await this.api.request<{ items?: TaskSummary[] }>('GET', '/api/tasks?view=team&sort=age&limit=40');
      this.count(queue.status);
      const tasks = (queue.body.items ?? []).filter((task) => !this.ledger.acknowledged.has(task.id) && (task.assignee === null || task.assignee === this.api.username));
      if (tasks.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        continue;
      }
      for (let i = 0; i < tasks.length; i += this.concurrency) await Promise.all(tasks.slice(i, i + this.concurrency).map((task) => this.work(task)));
    }
  }

  private count(status: number): void {
    this.ledger.statuses.set(status, (this.ledger.statuses.get(status) ?? 0) + 1);
  }

  private async work(task: TaskSummary): Promise<void> {
    const path = `/api/tasks/${encodeURIComponent(task.id)}`;
    if (task.assignee !== this.api.username) {
      const claim = await this.api.request('POST', `${path}/claim`);
      this.count(claim.status);
      // 409: claimed already, maybe by this bot's own request that a kill cut off; completing tells.
      if (claim.status !== 200 && claim.status !== 409) return;
    }
    const data = this.ledger.attempted.get(task.id) ?? this.fill(task);
    this.ledger.attempted.set(task.id, data);
    const generation = this.keyGeneration.get(task.id) ?? 0;
    const reply = await this.api.request<{ code?: string; detail?: string }>('POST', `${path}/complete`, { data }, { 'idempotency-key': `complete:${task.id}:${generation}` });
    this.count(reply.status);
    if (reply.status === 200) this.ledger.acknowledged.set(task.id, data);
    else if (reply.status === 409 && /still being processed/.test(reply.body.detail ?? '')) {
      // The request holding this key died with the API process; the key is never released, so a
      // new key is the only way to retry. The workflow refuses a second completion of the task anyway.
      this.ledger.stuckKeys += 1;
      this.keyGeneration.set(task.id, generation + 1);
    }
  }
}
