// Sends one change to the server through the app's cache (shared/api/query-client.ts): when it
// succeeds, the resources it touched are invalidated before the caller carries on, so every view
// showing them refetches once and none has to reload by hand.
import { useMutation, type QueryKey } from '@tanstack/react-query';
import { invalidate } from '../api/query-client.ts';

export function useApiMutation<Request, Result>(send: (request: Request) => Promise<Result>, { invalidates }: { invalidates: readonly QueryKey[] }) {
  return useMutation({ mutationFn: send, onSuccess: () => invalidate(...invalidates) });
}
