// DELETE /api/insights/logs/:id: removes a kept log and its events.
import { csrfToken } from '../../../shared/api/http.ts';
import { ApiError, problemFrom } from '../../../shared/api/problem.ts';
import { useApiMutation } from '../../../shared/hooks/use-api-mutation.ts';
import { keptLogsKey } from './get-kept-logs.ts';

export async function deleteKeptLog(id: string): Promise<void> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const csrf = csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(`/api/insights/logs/${encodeURIComponent(id)}`, { method: 'DELETE', headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network-error', 'Casemap cannot be reached. Check your connection and try again.');
  }
  if (!response.ok) throw await problemFrom(response);
}

export function useDeleteKeptLog() {
  return useApiMutation(deleteKeptLog, { invalidates: [keptLogsKey] });
}
