// Sign-in, sign-out and "who am I".
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../storage/database.ts';
import { createSession, deleteSession, findPasswordHash, findUserById } from '../../storage/identity-store.ts';
import { writeAudit } from '../../storage/audit-store.ts';
import { Problem } from '../problems/problem.ts';
import { DUMMY_HASH, verifyPassword } from '../../storage/password-hash.ts';
import { LoginRateLimit } from './login-rate-limit.ts';
import { authenticate, currentUser, hashToken, newToken, SESSION_COOKIE, SESSION_HOURS } from './sessions.ts';
import { parse } from '../validation.ts';

export const LoginRequest = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) });

export function identityRouter(db: Database, options: { secureCookies: boolean }): Router {
  const router = Router();
  const limiter = new LoginRateLimit();

  router.post('/auth/login', async (req, res) => {
    const { username, password } = parse(LoginRequest, req.body);
    const keys = [`user:${username.toLowerCase()}`, `ip:${req.ip}`];
    const wait = limiter.retryAfter(keys);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      await writeAudit(db, { actor: username, action: 'login', source: req.ip, outcome: 'refused', detail: { reason: 'rate-limited' } });
      throw new Problem('too-many-requests', `Too many failed sign-ins; try again in ${wait} s.`);
    }
    const account = await findPasswordHash(db, username);
    const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !ok) {
      limiter.recordFailure(keys);
      await writeAudit(db, { actor: username, action: 'login', source: req.ip, outcome: 'refused' });
      throw new Problem('unauthenticated', 'That username and password do not match an account.');
    }
    limiter.reset(keys);
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
    await createSession(db, { tokenHash: hashToken(token), userId: account.id, csrfToken, expiresAt: expiresAt.toISOString() });
    await writeAudit(db, { actor: account.id, action: 'login', source: req.ip });
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: options.secureCookies, expires: expiresAt, path: '/' });
    res.json({ token, csrfToken, expiresAt: expiresAt.toISOString(), user: await findUserById(db, account.id) });
  });

  router.post('/auth/logout', authenticate(db), async (req, res) => {
    await deleteSession(db, req.sessionTokenHash!);
    await writeAudit(db, { actor: currentUser(req).id, action: 'logout', source: req.ip });
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  router.get('/me', authenticate(db), (req, res) => {
    res.json(currentUser(req));
  });

  return router;
}
