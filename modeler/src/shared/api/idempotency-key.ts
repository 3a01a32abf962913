// A fresh Idempotency-Key for one change the user asked for once: kept while that request is retried
// so the server acts once. getRandomValues, not randomUUID, because the latter needs a secure context
// and Casemap may be served over plain HTTP behind a proxy.
export function newIdempotencyKey(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
