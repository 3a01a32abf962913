// Broadcast signals as stored: the cases waiting for a signal name, the processes a signal starts,
// and the id a broadcast runs under.
import { createHash, randomUUID } from 'node:crypto';
import type { CaseData } from '../domain/engine/contract.ts';
import type { Database } from '../storage/database.ts';
import { findSignalStarts } from '../storage/definition-store.ts';
import { countSignalWaiters } from '../storage/signal-store.ts';
import { prepareStart, type StartCheck } from './case-start.ts';

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

/** The processes (latest deployed versions) with a top-level signal start event for the name. */
export async function signalStartProcesses(db: Database, signalName: string): Promise<string[]> {
  return [...new Set((await findSignalStarts(db, signalName)).map((start) => start.definitionId))];
}

export interface SignalStartRequest {
  broadcastId: string;
  signalName: string;
  data: CaseData;
  startedBy: string;
}

export interface SignalStartCheck {
  definitionId: string;
  startEventId: string;
  check: StartCheck;
}

/**
 * One start per process whose latest version a broadcast of the signal starts, checked against
 * the start event's form like a message start. Each case id comes from the broadcast id and the
 * process id, so a broadcast retried after a crash finds the case it started instead of starting
 * another. A process with two signal starts for one name starts once, at the first by id.
 */
export async function checkSignalStarts(db: Database, request: SignalStartRequest): Promise<SignalStartCheck[]> {
  const starts = await findSignalStarts(db, request.signalName);
  const firstPerProcess = starts.filter((start, index) => starts.findIndex((other) => other.definitionId === start.definitionId) === index);
  return Promise.all(
    firstPerProcess.map(async ({ definitionId, startEventId }) => ({
      definitionId,
      startEventId,
      check: await prepareStart(db, { definitionId, startEventId, data: request.data, startedBy: request.startedBy, idempotencyKey: `signal:${request.broadcastId}:${definitionId}` }),
    })),
  );
}
