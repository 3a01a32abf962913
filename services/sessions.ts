// Sessions as stored: only a token's hash is kept. Opening one ends the session the request
// presented (rotation); one unused for the idle timeout is deleted when next presented; the idle
// clock slides at most once a minute per session, so reads stay reads.
import type { Database } from '../storage/database.ts';
import { createSession, deleteSession, findSessionWithUser, markSessionSeen, type SessionRecord, type UserRecord } from '../storage/identity-store.ts';

/** Sliding the idle timeout writes at most once a minute per session. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** A live session comes with its user, null when the account has been disabled since. */
export type SessionCheck = { kind: 'unknown' } | { kind: 'idle' } | { kind: 'live'; session: SessionRecord; user: UserRecord | null };

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

/** Whether the session is live at `now`, with its user: unknown or expired ones are refused, an idle one is deleted. */
export async function checkSession(db: Database, tokenHash: string, idleMinutes: number, now: number): Promise<SessionCheck> {
  const found = await findSessionWithUser(db, tokenHash);
  if (!found || Date.parse(found.session.expiresAt) <= now) return { kind: 'unknown' };
  const { session, user } = found;
  if (Date.parse(session.lastSeenAt) <= now - idleMinutes * 60_000) {
    await deleteSession(db, tokenHash);
    return { kind: 'idle' };
  }
  return { kind: 'live', session, user };
}

/** Slides a live session's idle timeout, unless it was slid within the last minute. */
export async function markSessionUsed(db: Database, tokenHash: string, session: SessionRecord, now: number): Promise<void> {
  if (Date.parse(session.lastSeenAt) > now - LAST_SEEN_RESOLUTION_MS) return;
  await markSessionSeen(db, tokenHash, new Date(now).toISOString(), new Date(now - LAST_SEEN_RESOLUTION_MS).toISOString());
}
