// Sessions as stored: only a token's hash is kept. Opening one ends the session the request
// presented (rotation); one unused for the idle timeout is deleted when next presented; the idle
// clock slides at most once a minute per session, so reads stay reads.
import type { Database } from '../storage/database.ts';
import { createSession, deleteSession, findSession, markSessionSeen, type SessionRecord } from '../storage/identity-store.ts';

/** Sliding the idle timeout writes at most once a minute per session. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export type SessionCheck = { kind: 'unknown' } | { kind: 'idle' } | { kind: 'live'; session: SessionRecord };

export interface NewSession {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  expiresAt: string;
  createdAt: string;
  /** The hash of the session the request presented, which ends first (no session fixation). */
  replacing?: string;
}

export async function openSession(db: Database, session: NewSession): Promise<void> {
  const { replacing, ...created } = session;
  if (replacing) await deleteSession(db, replacing);
  await createSession(db, created);
}

export async function endSession(db: Database, tokenHash: string): Promise<void> {
  await deleteSession(db, tokenHash);
}

/** Whether the session is live at `now`: unknown or expired ones are refused, an idle one is deleted. */
export async function checkSession(db: Database, tokenHash: string, idleMinutes: number, now: number): Promise<SessionCheck> {
  const session = await findSession(db, tokenHash);
  if (!session || Date.parse(session.expiresAt) <= now) return { kind: 'unknown' };
  if (Date.parse(session.lastSeenAt) <= now - idleMinutes * 60_000) {
    await deleteSession(db, tokenHash);
    return { kind: 'idle' };
  }
  return { kind: 'live', session };
}

/** Slides a live session's idle timeout, unless it was slid within the last minute. */
export async function markSessionUsed(db: Database, tokenHash: string, session: SessionRecord, now: number): Promise<void> {
  if (Date.parse(session.lastSeenAt) > now - LAST_SEEN_RESOLUTION_MS) return;
  await markSessionSeen(db, tokenHash, new Date(now).toISOString(), new Date(now - LAST_SEEN_RESOLUTION_MS).toISOString());
}
