// POST /api/auth/logout: ends the session; the CSRF token and the cached data are forgotten either way.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiPost, setCsrfToken } from '../../../shared/api/http.ts';
import { changeSignedInUser } from './get-me.ts';

export function useLogout() {
  return useMutation({
    // 204: no body.
    mutationFn: () => apiPost('/api/auth/logout', {}, z.undefined()),
    onSettled: () => {
      setCsrfToken(null);
      changeSignedInUser(null);
    },
  });
}
