// GET /api/me: who is signed in, held in the app's cache under `me` like every other resource.
// Without a CSRF token (lost with the tab) the session cannot make changes, so the app asks the
// user to sign in again rather than failing on the first button.
import { apiGet, csrfToken } from '../../../shared/api/http.ts';
import { queryClient, resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';
import { User } from '../../../shared/session/user.ts';

async function getMe(): Promise<User | null> {
  if (!csrfToken()) return null;
  try {
    return await apiGet('/api/me', User);
  } catch {
    return null;
  }
}

/** The signed-in user, null when nobody is, undefined until the server has answered. */
export function useMe() {
  // Who is signed in changes only by signing in or out, which write the answer here themselves.
  return useApiQuery(resourceKeys.me, getMe, { staleTime: Infinity });
}

/**
 * Records a sign-in or sign-out in the cache: everything cached for the previous user is dropped
 * (the next one must not see it) and `me` holds the new answer, so the app switches at once.
 */
export function changeSignedInUser(user: User | null): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== resourceKeys.me[0] });
  queryClient.setQueryData(resourceKeys.me, user);
}
