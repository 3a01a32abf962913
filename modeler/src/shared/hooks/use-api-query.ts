// Reads one server resource through the app's cache (shared/api/query-client.ts) and keeps
// loading / error / data together; `reload` fetches it again now.
import { useCallback } from 'react';
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';

export interface Resource<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * `staleTime: Infinity` for what never changes once it exists (a deployed version's diagram);
 * `enabled: false` until the view knows what to ask (e.g. a comparison not yet submitted).
 */
export function useApiQuery<T>(queryKey: QueryKey, load: () => Promise<T>, options: { staleTime?: number; enabled?: boolean } = {}): Resource<T> {
  // While a filter or page changes, the previous answer stays on screen until the new one arrives.
  const query = useQuery({ queryKey, queryFn: load, placeholderData: keepPreviousData, ...options });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { data: query.data, error: query.error ?? undefined, loading: query.isFetching, reload };
}
