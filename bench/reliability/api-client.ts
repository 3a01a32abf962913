// A minimal HTTP client for the harness's bots: JSON in and out, the bearer token of one demo user,
// and network failures (an API process being killed) reported as a status of 0 instead of thrown.
import { DEMO_PASSWORD } from '../../demo/demo-identities.ts';
import { settlementOf, type ProblemBody, type Settlement } from './operation-settlement.ts';
import type { Reply } from './api-reply.ts';

export type { Reply } from './api-reply.ts';

export class ApiClient {
  constructor(
    readonly baseUrl: () => string,
    readonly token: string,
    readonly username: string,
  ) {}

  static async signIn(baseUrl: () => string, username: string): Promise<ApiClient> {
    for (;;) {
      const reply = await send<{ token?: string }>(baseUrl(), 'POST', '/api/auth/login', undefined, { username, password: DEMO_PASSWORD });
      if (reply.status === 200) return new ApiClient(baseUrl, String(reply.body.token), username);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    return send<T>(this.baseUrl(), method, path, this.token, body, headers);
  }

  /**
   * Sends one idempotent operation with one Idempotency-Key, again and again, until the API answers
   * definitively (operation-settlement.ts); the key never changes, however long that takes.
   */
  async untilSettled<T>(method: string, path: string, body: unknown, idempotencyKey: string, seen: (reply: Reply<T & ProblemBody>, settlement: Settlement) => void = () => {}): Promise<{ reply: Reply<T & ProblemBody>; settlement: Settlement }> {
    for (;;) {
      const reply = await this.request<T & ProblemBody>(method, path, body, { 'idempotency-key': idempotencyKey });
      const settlement = settlementOf(reply);
      seen(reply, settlement);
      if (settlement.kind === 'done' || settlement.kind === 'moot' || settlement.kind === 'refused') return { reply, settlement };
      await new Promise((resolve) => setTimeout(resolve, settlement.kind === 'key-held' ? 2_000 : 300));
    }
  }
}

async function send<T>(baseUrl: string, method: string, path: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    return { status: response.status, body: parseJson(text) as T };
  } catch {
    return { status: 0, body: {} as T };
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return { text };
  }
}
