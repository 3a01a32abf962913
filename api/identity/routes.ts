// Sign-in, sign-out and "who am I".
import type { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../storage/database.ts';
import { deleteSession, findPasswordHash, findUserById } from '../../storage/identity-store.ts';
import { writeAudit } from '../../storage/audit-store.ts';
import { DUMMY_HASH, verifyPassword } from '../../storage/password-hash.ts';
import { Problem } from '../problems/problem.ts';
import type { RouteTable } from '../routes/route.ts';
import { LoginRateLimit } from './login-rate-limit.ts';
import { SESSION_COOKIE, startSession } from './sessions.ts';

export const LoginRequest = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) }).strict();
const User = z.object({ id: z.string(), username: z.string(), displayName: z.string(), roles: z.array(z.string()), teams: z.array(z.string()), leadOf: z.array(z.string()) });
const LoginReply = z.object({ token: z.string(), csrfToken: z.string(), expiresAt: z.string(), user: User });

export function identityRoutes(table: RouteTable, router: Router, db: Database, options: { secureCookies: boolean }): void {
  const limiter = new LoginRateLimit();

  table.add(router, { method: 'post', path: '/auth/login', summary: 'Sign in', tag: 'identity', access: { kind: 'public' }, body: LoginRequest, response: LoginReply }, async ({ req, res, body }) => {
    const keys = [`user:${body.username.toLowerCase()}`, `ip:${req.ip}`];
    const wait = limiter.retryAfter(keys);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      await writeAudit(db, { actor: body.username, action: 'login', source: req.ip, outcome: 'refused', detail: { reason: 'rate-limited' } });
      throw new Problem('too-many-requests', `Too many failed sign-ins; try again in ${wait} s.`);
    }
    const account = await findPasswordHash(db, body.username);
    const ok = await verifyPassword(body.password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !ok) {
      limiter.recordFailure(keys);
      await writeAudit(db, { actor: body.username, action: 'login', source: req.ip, outcome: 'refused' });
      throw new Problem('unauthenticated', 'That username and password do not match an account.');
    }
    limiter.reset(keys);
    const session = await startSession(db, res, account.id, options);
    await writeAudit(db, { actor: account.id, action: 'login', source: req.ip });
    return { ...session, user: await findUserById(db, account.id) };
  });

  table.add(router, { method: 'post', path: '/auth/logout', summary: 'Sign out', tag: 'identity', access: { kind: 'signed-in' } }, async ({ req, res, user }) => {
    await deleteSession(db, req.sessionTokenHash!);
    await writeAudit(db, { actor: user.id, action: 'logout', source: req.ip });
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    return undefined;
  });

  table.add(router, { method: 'get', path: '/me', summary: 'The signed-in user, their roles and teams', tag: 'identity', access: { kind: 'signed-in' }, response: User }, async ({ user }) => user);
}
