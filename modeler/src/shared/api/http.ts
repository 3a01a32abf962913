// The one way the app talks to the API: same-origin fetch with the session cookie, the CSRF header
// on every change, zod-checked answers, and problems turned into ApiError.
import type { z } from 'zod';
import { ApiError, problemFrom } from './problem.ts';

const CSRF_KEY = 'casemap.csrfToken';
export const UNAUTHENTICATED_EVENT = 'casemap:unauthenticated';

export function setCsrfToken(token: string | null): void {
  if (token) sessionStorage.setItem(CSRF_KEY, token);
  else sessionStorage.removeItem(CSRF_KEY);
}

export function csrfToken(): string | null {
  return sessionStorage.getItem(CSRF_KEY);
}

/** `idempotencyKey`: the same key on a retried change makes the server answer the first reply again rather than act twice. */
export interface ChangeOptions {
  idempotencyKey?: string;
}

async function send(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, options: ChangeOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const changes = method !== 'GET';
  if (changes) {
    headers['content-type'] = 'application/json';
    const csrf = csrfToken();
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: changes ? JSON.stringify(body ?? {}) : undefined });
  } catch {
    throw new ApiError(0, 'network-error', 'Casemap cannot be reached. Check your connection and try again.');
  }
  if (!response.ok) {
    const problem = await problemFrom(response);
    // A lost session (or a lost CSRF token after a reload) means signing in again.
    if (problem.status === 401 || problem.code === 'csrf-token-missing') window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    throw problem;
  }
  return response;
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError(0, 'unexpected-response', `The server's answer to ${path} was not understood: ${result.error.issues[0]?.message ?? 'invalid'}.`);
  return result.data;
}

export async function apiGet<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  const response = await send('GET', path);
  return parsed(schema, await response.json(), path);
}

export async function apiGetText(path: string): Promise<string> {
  const response = await send('GET', path);
  return response.text();
}

async function apiChange<T>(method: 'POST' | 'PUT', path: string, body: unknown, schema: z.ZodType<T>, options?: ChangeOptions): Promise<T> {
  const response = await send(method, path, body, options);
  if (response.status === 204) return parsed(schema, undefined, path);
  return parsed(schema, await response.json(), path);
}

export function apiPost<T>(path: string, body: unknown, schema: z.ZodType<T>, options?: ChangeOptions): Promise<T> {
  return apiChange('POST', path, body, schema, options);
}

export function apiPut<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
  return apiChange('PUT', path, body, schema);
}

/** Builds a query string from the defined values only. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
