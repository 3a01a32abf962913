// The app's one cache of server data (TanStack Query). Every read goes through it under a key that
// starts with its resource (`resourceKeys`); every change invalidates the resources it touched, so
// each view on screen refetches once. Views showing the same resource share one request.
import { QueryClient, type QueryKey } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Casework changes under a caseworker's feet (other people, timers), so opening a page shows
      // the cached answer at once and checks it again; switching windows does not refetch.
      staleTime: 0,
      refetchOnWindowFocus: false,
      // Problems are shown at once with a Retry button; retrying a 403 or 404 would only delay it.
      retry: false,
    },
  },
});

/** The first part of every query key: the API resource the data comes from. */
export const resourceKeys = {
  me: ['me'],
  signInMethods: ['auth', 'methods'],
  health: ['health'],
  definitions: ['definitions'],
  cases: ['cases'],
  tasks: ['tasks'],
  insights: ['insights'],
  duplication: ['duplication'],
  migrations: ['migrations'],
} as const satisfies Record<string, QueryKey>;

/** Marks the resources a change touched as stale; the views showing them refetch once. */
export async function invalidate(...keys: QueryKey[]): Promise<void> {
  await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
