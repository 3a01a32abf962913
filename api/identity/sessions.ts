// Sessions: a random token given once (as a bearer token and an httpOnly cookie); only its hash
// is stored. Cookie-authenticated changes must echo the session's CSRF token in a header. A
// sign-in ends the session its request presented (rotation), and a session unused for the idle
// timeout is refused and deleted (docs/access.md, "Sessions").
import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Database } from '../../services/database.ts';
import type { UserRecord } from '../../services/accounts.ts';
import { checkSession, markSessionUsed, openSession } from '../../services/sessions.ts';
import { Problem } from '../problems/problem.ts';

export const SESSION_COOKIE = 'casemap_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_HOURS = 12;
export const DEFAULT_SESSION_IDLE_MINUTES = 30;

export interface SessionSettings {
  /** A session unused this long is refused and deleted. */
  idleMinutes: number;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A cookie's value, or undefined when absent or not valid percent-encoding (a forged or mangled cookie is no cookie). */
export function readCookie(req: Request, cookie: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== cookie) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The session token a request presents: its bearer token, else its session cookie. */
function presentedToken(req: Request): { token: string | undefined; bearer: boolean } {
  const bearer = req.headers.authorization?.match(/^Bearer (.+)$/i)?.[1];
  return bearer ? { token: bearer, bearer: true } : { token: readCookie(req, SESSION_COOKIE), bearer: false };
}

export interface StartedSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/**
 * Starts a session for `userId` (password or OpenID Connect sign-in alike) and sets its cookie.
 * The session the request presented, if any, ends first: a cookie planted before sign-in (session
 * fixation) is worthless afterwards. The user's other sessions (other tabs, devices, API scripts)
 * stay; they end on sign-out, on expiry or when idle.
 */
export async function startSession(db: Database, req: Request, res: Response, userId: string, options: { secureCookies: boolean }): Promise<StartedSession> {
  const presented = presentedToken(req).token;
  const token = newToken();
  const csrfToken = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await openSession(db, { tokenHash: hashToken(token), userId, csrfToken, expiresAt: expiresAt.toISOString(), createdAt: now.toISOString(), ...(presented ? { replacing: hashToken(presented) } : {}) });
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: options.secureCookies, expires: expiresAt, path: '/' });
  return { token, csrfToken, expiresAt: expiresAt.toISOString() };
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: UserRecord;
    sessionTokenHash?: string;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Establishes who sent a request from a bearer token or the session cookie; refuses everything else. */
export async function authenticateUser(db: Database, req: Request, settings: SessionSettings = { idleMinutes: DEFAULT_SESSION_IDLE_MINUTES }): Promise<UserRecord> {
  const { token, bearer } = presentedToken(req);
  if (!token) throw new Problem('unauthenticated', 'Sign in first (POST /api/auth/login), then send the session cookie or an Authorization: Bearer token.');
  const tokenHash = hashToken(token);
  const now = Date.now();
  const check = await checkSession(db, tokenHash, settings.idleMinutes, now);
  if (check.kind === 'unknown') throw new Problem('unauthenticated', 'Your session has expired or is not valid; sign in again.');
  if (check.kind === 'idle') throw new Problem('unauthenticated', `Your session was unused for more than ${settings.idleMinutes} minutes and has ended; sign in again.`);
  const { session, user } = check;
  if (!bearer && !SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken) {
    throw new Problem('csrf-token-missing', `Changes made with the session cookie must send the ${CSRF_HEADER} header given at sign-in.`);
  }
  if (!user) throw new Problem('unauthenticated', 'Your account is no longer active.');
  await markSessionUsed(db, tokenHash, session, now);
  req.user = user;
  req.sessionTokenHash = tokenHash;
  return user;
}

export function currentUser(req: Request): UserRecord {
  if (!req.user) throw new Problem('unauthenticated', 'Sign in first.');
  return req.user;
}
