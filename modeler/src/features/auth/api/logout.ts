// POST /api/auth/logout: ends the session; the CSRF token is forgotten either way.
import { z } from 'zod';
import { apiPost, setCsrfToken } from '../../../shared/api/http.ts';

export async function logout(): Promise<void> {
  try {
    await apiPost('/api/auth/logout', {}, z.unknown());
  } finally {
    setCsrfToken(null);
  }
}
