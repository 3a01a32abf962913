// Sign-in, sign-out and "who am I".
import type { Router } from 'express';
import type { Database } from '../../services/database.ts';
import { checkPassword, findActiveUser } from '../../services/accounts.ts';
import { endSession } from '../../services/sessions.ts';
import { recordAudit } from '../../services/audit.ts';
import { Problem } from '../problems/problem.ts';
import type { RouteTable } from '../routes/route.ts';
import { LoginRateLimit } from './login-rate-limit.ts';
import { SESSION_COOKIE, startSession } from './sessions.ts';
import { LoginReply, LoginRequest, User } from '../../domain/contract/identity.ts';

export function identityRoutes(table: RouteTable, router: Router, db: Database, options: { secureCookies: boolean }): void {
  const limiter = new LoginRateLimit(db);

  table.add(router, { method: 'post', path: '/auth/login', summary: 'Sign in', tag: 'identity', rule: 'public', body: LoginRequest, response: LoginReply }, async ({ req, res, body }) => {
    // req.ip honours X-Forwarded-For only from proxies CASEMAP_TRUST_PROXY names (off by default).
    const source = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const attempt = await limiter.attempt(body.username, source);
    if (!attempt.allowed) {
      res.setHeader('Retry-After', String(attempt.retryAfterSeconds));
      await recordAudit(db, { actor: body.username, action: 'login', source, outcome: 'refused', detail: { reason: 'rate-limited' } });
      throw new Problem('too-many-requests', `Too many sign-in attempts; try again in ${attempt.retryAfterSeconds} s.`);
    }
    const accountId = await checkPassword(db, body.username, body.password);
    if (!accountId) {
      await recordAudit(db, { actor: body.username, action: 'login', source, outcome: 'refused' });
      throw new Problem('unauthenticated', 'That username and password do not match an account.');
    }
    await attempt.succeeded();
    const session = await startSession(db, req, res, accountId, options);
    await recordAudit(db, { actor: accountId, action: 'login', source });
    return { ...session, user: await findActiveUser(db, accountId) };
  });

  table.add(router, { method: 'post', path: '/auth/logout', summary: 'Sign out', tag: 'identity', rule: 'own-account', successStatus: 204 }, async ({ req, res, user }) => {
    await endSession(db, req.sessionTokenHash!);
    await recordAudit(db, { actor: user.id, action: 'logout', source: req.ip });
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    return undefined;
  });

  table.add(router, { method: 'get', path: '/me', summary: 'The signed-in user, their roles and teams', tag: 'identity', rule: 'own-account', response: User }, async ({ user }) => user);
}
