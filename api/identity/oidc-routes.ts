// Optional OpenID Connect sign-in: GET /auth/oidc/login sends the browser to the provider, and
// GET /auth/oidc/callback brings it back, creates or updates the local user from the claims and
// starts the same session a password sign-in does. GET /auth/methods tells the sign-in page.
import type { Request, Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../services/database.ts';
import { accountsHolding, saveExternalAccount } from '../../services/accounts.ts';
import { allTeams } from '../../services/teams.ts';
import { recordAudit } from '../../services/audit.ts';
import { Problem } from '../problems/problem.ts';
import type { RouteTable } from '../routes/route.ts';
import { Empty } from '../../domain/contract/request-fields.ts';
import { accountFromClaims, claimValues, type ExternalAccount } from './oidc-claims.ts';
import { OidcRelyingParty, PendingLogin, type OidcSettings } from './oidc-login.ts';
import { readCookie, startSession } from './sessions.ts';
import { SignInMethods } from '../../domain/contract/identity.ts';

const PENDING_COOKIE = 'casemap_oidc';
const PENDING_PATH = '/api/auth/oidc';
const PENDING_MINUTES = 10;
/** Hands the session's CSRF token to the browser app after the redirect; it reads and deletes it. */
const CSRF_HANDOFF_COOKIE = 'casemap_csrf';

// Providers may add parameters of their own (session_state, …); only these are read.
const CallbackQuery = z
  .object({
    code: z.string().max(4000).optional(),
    state: z.string().max(500).optional(),
    iss: z.string().max(2000).optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(2000).optional(),
  })
  .loose();

function readPending(req: Request): PendingLogin | undefined {
  const raw = readCookie(req, PENDING_COOKIE);
  if (!raw) return undefined;
  try {
    const parsed = PendingLogin.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function oidcRoutes(table: RouteTable, router: Router, db: Database, options: { oidc?: OidcSettings; secureCookies: boolean }): void {
  const party = options.oidc ? new OidcRelyingParty(options.oidc) : undefined;
  const tag = 'identity';
  const configured = (): OidcRelyingParty => {
    if (!party) throw new Problem('not-found', 'OpenID Connect sign-in is not configured on this Casemap; sign in with a username and password (an administrator enables it with CASEMAP_OIDC_ISSUER and related settings).');
    return party;
  };
  // The pending cookie must reach the callback, a top-level navigation from the provider's site,
  // so it is SameSite=Lax (the session cookie itself stays Strict).
  const pendingCookie = { httpOnly: true, sameSite: 'lax', secure: options.secureCookies, path: PENDING_PATH } as const;

  table.add(router, { method: 'get', path: '/auth/methods', summary: 'How people can sign in (password, and OpenID Connect when configured)', tag, rule: 'public', query: Empty, response: SignInMethods }, async () => ({
    password: true,
    oidc: party ? { providerName: party.settings.providerName, loginUrl: '/api/auth/oidc/login' } : null,
  }));

  table.add(router, { method: 'get', path: '/auth/oidc/login', summary: 'Sign in with the OpenID Connect provider (redirects there)', tag, rule: 'public', query: Empty, successStatus: 302, produces: 'text/plain' }, async ({ res }) => {
    const { url, pending } = await configured().begin();
    res.cookie(PENDING_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), { ...pendingCookie, maxAge: PENDING_MINUTES * 60_000 });
    res.redirect(302, url.href);
    return undefined;
  });

  table.add(router, { method: 'get', path: '/auth/oidc/callback', summary: 'Where the OpenID Connect provider sends the browser back; starts a session (redirects to the app)', tag, rule: 'public', query: CallbackQuery, successStatus: 302, produces: 'text/plain' }, async ({ req, res, query }) => {
    const rp = configured();
    const refuse = async (problem: Problem, actor?: string): Promise<never> => {
      await recordAudit(db, { actor, action: 'login', source: req.ip, outcome: 'refused', detail: { method: 'oidc', issuer: rp.settings.issuer, reason: problem.detail } });
      throw problem;
    };
    const pending = readPending(req);
    // A sign-in attempt is good for one callback, whatever its outcome.
    res.clearCookie(PENDING_COOKIE, pendingCookie);
    if (!pending) return refuse(new Problem('invalid-request', `No sign-in with ${rp.settings.providerName} was started in this browser in the last ${PENDING_MINUTES} minutes; start again from the sign-in page.`));
    if (query.state !== pending.state) return refuse(new Problem('invalid-request', `This answer from ${rp.settings.providerName} does not belong to the sign-in this browser started; start again from the sign-in page.`, [{ field: 'query.state', message: 'does not match the sign-in in progress' }]));

    const knownTeams = new Set((await allTeams(db)).map((team) => team.id));
    let claims: Record<string, unknown>;
    let account: ExternalAccount;
    try {
      claims = await rp.finish(new URL(req.originalUrl, 'http://casemap').search, pending);
      account = accountFromClaims(claims, rp.settings, knownTeams);
    } catch (error) {
      return refuse(rp.problemFor(error));
    }
    const claimed = `${rp.settings.rolesClaim} (${claimValues(claims, rp.settings.rolesClaim).join(', ') || 'none'})`;
    if (account.roles.length === 0) return refuse(new Problem('forbidden', `${rp.settings.providerName} signed you in as ${account.username}, but no Casemap role is mapped from your ${claimed}; ask an administrator to map one.`), account.id);
    const holders = await accountsHolding(db, account.id, account.username);
    if (holders.some((holder) => holder.id !== account.id)) return refuse(new Problem('conflict', `The username ${account.username} already belongs to another Casemap account; an administrator must rename one of them.`), account.id);
    if (holders.some((holder) => holder.disabled)) return refuse(new Problem('forbidden', `The Casemap account of ${account.username} is disabled.`), account.id);

    await saveExternalAccount(db, { id: account.id, username: account.username, displayName: account.displayName, roles: account.roles, memberships: account.memberships });
    const session = await startSession(db, req, res, account.id, options);
    res.cookie(CSRF_HANDOFF_COOKIE, session.csrfToken, { sameSite: 'strict', secure: options.secureCookies, path: '/', maxAge: 5 * 60_000 });
    await recordAudit(db, {
      actor: account.id,
      action: 'login',
      source: req.ip,
      detail: { method: 'oidc', issuer: rp.settings.issuer, created: holders.length === 0, roles: account.roles, teams: account.memberships, unknownTeams: account.unknownTeams },
    });
    res.redirect(302, '/');
    return undefined;
  });
}
