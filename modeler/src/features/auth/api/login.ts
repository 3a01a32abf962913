// POST /api/auth/login: signs in, sets the session cookie and gives the CSRF token for changes.
import { z } from 'zod';
import { apiPost, setCsrfToken } from '../../../shared/api/http.ts';
import { User } from '../../../shared/session/user.ts';

const LoginResponse = z.object({ csrfToken: z.string(), user: User });

export async function login(username: string, password: string): Promise<User> {
  const response = await apiPost('/api/auth/login', { username, password }, LoginResponse);
  setCsrfToken(response.csrfToken);
  return response.user;
}
