// Sessions: a random token given once (as a bearer token and an httpOnly cookie); only its hash
// is stored. Cookie-authenticated changes must echo the session's CSRF token in a header.
import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Database } from '../../storage/database.ts';
import { createSession, findSession, findUserById, type UserRecord } from '../../storage/identity-store.ts';
import { Problem } from '../problems/problem.ts';

export const SESSION_COOKIE = 'casemap_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_HOURS = 12;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function readCookie(req: Request, cookie: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookie) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export interface StartedSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/** Starts a session for `userId` (password or OpenID Connect sign-in alike) and sets its cookie. */
export async function startSession(db: Database, res: Response, userId: string, options: { secureCookies: boolean }): Promise<StartedSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
  await createSession(db, { tokenHash: hashToken(token), userId, csrfToken, expiresAt: expiresAt.toISOString() });
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
export async function authenticateUser(db: Database, req: Request): Promise<UserRecord> {
  const bearer = req.headers.authorization?.match(/^Bearer (.+)$/i)?.[1];
  const token = bearer ?? readCookie(req, SESSION_COOKIE);
  if (!token) throw new Problem('unauthenticated', 'Sign in first (POST /api/auth/login), then send the session cookie or an Authorization: Bearer token.');
  const tokenHash = hashToken(token);
  const session = await findSession(db, tokenHash, new Date().toISOString());
  if (!session) throw new Problem('unauthenticated', 'Your session has expired or is not valid; sign in again.');
  if (!bearer && !SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken) {
    throw new Problem('csrf-token-missing', `Changes made with the session cookie must send the ${CSRF_HEADER} header given at sign-in.`);
  }
  const user = await findUserById(db, session.userId);
  if (!user) throw new Problem('unauthenticated', 'Your account is no longer active.');
  req.user = user;
  req.sessionTokenHash = tokenHash;
  return user;
}

export function currentUser(req: Request): UserRecord {
  if (!req.user) throw new Problem('unauthenticated', 'Sign in first.');
  return req.user;
}
