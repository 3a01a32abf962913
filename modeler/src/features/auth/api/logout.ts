// POST /api/auth/logout: ends the session; the CSRF token and the cached data are forgotten either way.
import { z } from 'zod';
import { apiPost, setCsrfToken } from '../../../shared/api/http.ts';
import { forgetAll } from '../../../shared/api/query-client.ts';

export async function logout(): Promise<void> {
  try {
    // 204: no body.
    await apiPost('/api/auth/logout', {}, z.undefined());
  } finally {
    setCsrfToken(null);
    forgetAll();
  }
}
