// Broadcast signals as stored: the cases waiting for a signal name, and the id a broadcast runs under.
import { createHash, randomUUID } from 'node:crypto';
import type { Database } from '../storage/database.ts';
import { countSignalWaiters } from '../storage/signal-store.ts';

/** How many cases wait for the signal now. */
export async function signalWaiterCount(db: Database, signalName: string): Promise<number> {
  return countSignalWaiters(db, signalName);
}

/**
 * The broadcast's id: from the sender and their Idempotency-Key when given, so a request resent
 * after a crash finds the broadcast it started rather than starting another; else a new one.
 */
export function broadcastIdFor(sender: string, idempotencyKey: string | undefined): string {
  if (!idempotencyKey) return randomUUID();
  return createHash('sha256').update(`${sender}\n${idempotencyKey}`).digest('hex').slice(0, 32);
}
