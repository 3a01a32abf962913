// Reads one server resource through the app's cache (shared/api/query-client.ts) and keeps
// loading / error / data together; `reload` fetches it again now.
import { useCallback } from 'react';
import { keepPreviousData, useQuery, type Query, type QueryKey } from '@tanstack/react-query';

export interface Resource<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * `staleTime: Infinity` for what never changes once it exists (a deployed version's diagram);
 * `enabled: false` until the view knows what to ask (e.g. a comparison not yet submitted);
 * `pollEvery` to follow something that runs on the server: given the latest answer, the milliseconds
 * until the next fetch, or `false` once it is done (a migration that completed).
 */
export function useApiQuery<T>(
  queryKey: QueryKey,
  load: () => Promise<T>,
  { pollEvery, ...options }: { staleTime?: number; enabled?: boolean; pollEvery?: (latest: T | undefined) => number | false } = {},
): Resource<T> {
  // While a filter or page changes, the previous answer stays on screen until the new one arrives.
  const refetchInterval = pollEvery && ((current: Query<T, Error, T>) => pollEvery(current.state.data));
  const query = useQuery<T>({ queryKey, queryFn: load, placeholderData: keepPreviousData, ...options, refetchInterval });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { data: query.data, error: query.error ?? undefined, loading: query.isFetching, reload };
}
