// POST /api/auth/login: signs in, sets the session cookie and gives the CSRF token for changes.
import { useMutation } from '@tanstack/react-query';
import { LoginReply, type LoginRequest } from '../../../../../domain/contract/identity.ts';
import { apiPost, setCsrfToken } from '../../../shared/api/http.ts';
import { changeSignedInUser } from './get-me.ts';

export function useLogin() {
  return useMutation({
    mutationFn: ({ username, password }: LoginRequest) => apiPost('/api/auth/login', { username, password }, LoginReply),
    onSuccess: (reply) => {
      setCsrfToken(reply.csrfToken);
      changeSignedInUser(reply.user);
    },
  });
}
