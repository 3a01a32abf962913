// POST /api/auth/login: signs in, sets the session cookie and gives the CSRF token for changes.
import { LoginReply, type User } from '../../../../../domain/contract/identity.ts';
import { apiPost, setCsrfToken } from '../../../shared/api/http.ts';
import { forgetAll } from '../../../shared/api/query-client.ts';

export async function login(username: string, password: string): Promise<User> {
  const response = await apiPost('/api/auth/login', { username, password }, LoginReply);
  setCsrfToken(response.csrfToken);
  // Nothing the previous user saw may show for this one.
  forgetAll();
  return response.user;
}
