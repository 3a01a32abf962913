// The OpenID Connect relying party: authorization-code flow with PKCE, state and nonce, using
// openid-client. The provider's metadata is discovered on first use (and again after a failure),
// so Casemap starts even while the provider is down.
import * as oidc from 'openid-client';
import { z } from 'zod';
import { Problem } from '../problems/problem.ts';
import type { ClaimMapping } from './oidc-claims.ts';

export interface OidcSettings extends ClaimMapping {
  issuer: string;
  clientId: string;
  /** Absent for a public client, which then relies on PKCE alone. */
  clientSecret?: string;
  /** Casemap's callback as registered with the provider: https://<casemap>/api/auth/oidc/callback */
  redirectUrl: string;
  scopes: string;
}

/** What the browser keeps between leaving for the provider and coming back (in a cookie). */
export const PendingLogin = z.object({ state: z.string().min(1).max(200), nonce: z.string().min(1).max(200), codeVerifier: z.string().min(43).max(128) }).strict();
export type PendingLogin = z.infer<typeof PendingLogin>;

// Claim checks that failed mean the answer cannot be trusted (a replayed or foreign sign-in): the
// person is refused. Anything else (network, malformed metadata) is the provider being unavailable.
const REFUSAL_CODES = new Set(['OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED', 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED', 'OAUTH_INVALID_RESPONSE']);

/** Plain http is accepted only for a provider on this machine (development and tests). */
function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export class OidcRelyingParty {
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(readonly settings: OidcSettings) {}

  private discover(): Promise<oidc.Configuration> {
    const issuer = new URL(this.settings.issuer);
    const authentication = this.settings.clientSecret ? oidc.ClientSecretBasic(this.settings.clientSecret) : oidc.None();
    this.configuration ??= oidc.discovery(issuer, this.settings.clientId, undefined, authentication, { execute: isLoopback(issuer) ? [oidc.allowInsecureRequests] : [] }).catch((error: unknown) => {
      this.configuration = undefined;
      throw error;
    });
    return this.configuration;
  }

  /** Where to send the browser, and what it must bring back. */
  async begin(): Promise<{ url: URL; pending: PendingLogin }> {
    const configuration = await this.discover().catch((error: unknown) => Promise.reject(this.problemFor(error)));
    const pending = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUrl,
      scope: this.settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /** Redeems the code from the callback's query string; the verified ID token's claims plus userinfo. */
  async finish(callbackSearch: string, pending: PendingLogin): Promise<Record<string, unknown>> {
    try {
      const configuration = await this.discover();
      const callback = new URL(this.settings.redirectUrl);
      callback.search = callbackSearch;
      const tokens = await oidc.authorizationCodeGrant(configuration, callback, { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true });
      const claims = tokens.claims()!;
      // Many providers put groups and roles in userinfo only; the ID token's claims win on overlap.
      const userinfo = configuration.serverMetadata().userinfo_endpoint ? await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub) : {};
      return { ...userinfo, ...claims };
    } catch (error) {
      throw this.problemFor(error);
    }
  }

  problemFor(error: unknown): Problem {
    const name = this.settings.providerName;
    if (error instanceof Problem) return error;
    if (error instanceof oidc.AuthorizationResponseError) return new Problem('unauthenticated', `${name} did not sign you in: ${error.error_description ?? error.error}.`);
    if (error instanceof oidc.ResponseBodyError) return new Problem('unauthenticated', `${name} refused the sign-in code (${error.error}); start signing in again.`);
    if (error instanceof oidc.ClientError && error.code && REFUSAL_CODES.has(error.code)) {
      return new Problem('unauthenticated', `The answer from ${name} failed Casemap's checks (${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}); start signing in again.`);
    }
    return new Problem('identity-provider-unavailable', `${name} (${this.settings.issuer}) cannot be reached or answered unexpectedly; nothing was changed. Try again shortly.`);
  }
}
