import { describe, expect, it } from 'vitest';
import { settlementOf } from './operation-settlement.ts';

describe('settlementOf', () => {
  it('ends an operation on success', () => {
    expect(settlementOf({ status: 201, body: {} }).kind).toBe('done');
  });

  it('ends a completion as moot when the task is no longer open', () => {
    expect(settlementOf({ status: 409, body: { code: 'task-not-open', detail: 'Task x is not open' } }).kind).toBe('moot');
  });

  it('keeps the key and retries while an earlier request still holds it', () => {
    expect(settlementOf({ status: 409, body: { code: 'conflict', detail: 'A request with this Idempotency-Key is still being processed; retry shortly.' } }).kind).toBe('key-held');
  });

  it('claims again, same key, when the claim was lost', () => {
    expect(settlementOf({ status: 409, body: { code: 'task-not-claimed-by-you' } }).kind).toBe('claim-first');
  });

  it('reports a key reused with another body as a refusal, not a retry', () => {
    expect(settlementOf({ status: 409, body: { code: 'conflict', detail: 'This Idempotency-Key was already used for a different request' } }).kind).toBe('refused');
  });

  it('retries on no reply, 429 and 503', () => {
    expect([0, 429, 500, 503].map((status) => settlementOf({ status, body: {} }).kind)).toEqual(['retry', 'retry', 'retry', 'retry']);
  });

  it('reports a 404 for a task seen a moment ago as a refusal', () => {
    expect(settlementOf({ status: 404, body: { code: 'not-found' } })).toMatchObject({ kind: 'refused' });
  });
});
