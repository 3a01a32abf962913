// GET /api/me: who is signed in. Without a CSRF token (lost with the tab) the session cannot make
// changes, so the app asks the user to sign in again rather than failing on the first button.
import { apiGet, csrfToken } from '../../../shared/api/http.ts';
import { User } from '../../../shared/session/user.ts';

export async function getMe(): Promise<User | null> {
  if (!csrfToken()) return null;
  try {
    return await apiGet('/api/me', User);
  } catch {
    return null;
  }
}
