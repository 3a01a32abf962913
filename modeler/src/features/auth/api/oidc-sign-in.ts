// OpenID Connect sign-in: GET /api/auth/methods says whether it is on (and the provider's name);
// after the provider sends the browser back, the API hands over the session's CSRF token in a
// short-lived cookie, which the app takes (and deletes) to finish signing in.
import { SignInMethods } from '../../../../../domain/contract/identity.ts';
import { apiGet, setCsrfToken } from '../../../shared/api/http.ts';
import { invalidate, resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export type { SignInMethods };

const CSRF_HANDOFF_COOKIE = 'casemap_csrf';

export function useSignInMethods() {
  return useApiQuery(resourceKeys.signInMethods, (): Promise<SignInMethods> => apiGet('/api/auth/methods', SignInMethods).catch(() => ({ password: true, oidc: null })));
}

/** Finishes a sign-in when the browser just came back from the provider: `me` is asked again with the session's token. */
export async function takeOidcSession(): Promise<void> {
  const handoff = document.cookie.split('; ').find((cookie) => cookie.startsWith(`${CSRF_HANDOFF_COOKIE}=`));
  if (!handoff) return;
  document.cookie = `${CSRF_HANDOFF_COOKIE}=; Max-Age=0; Path=/; SameSite=Strict`;
  setCsrfToken(decodeURIComponent(handoff.slice(CSRF_HANDOFF_COOKIE.length + 1)));
  await invalidate(resourceKeys.me);
}
