// POST /api/insights/logs: the log file itself as the body (XES or CSV, gzipped or not), so a log of
// hundreds of MB is streamed by the browser and read as it arrives, never held as one JSON string.
import { ImportedLogSummary } from '../../../../../domain/insights/imported-log.ts';
import { csrfToken, query } from '../../../shared/api/http.ts';
import { ApiError, problemFrom } from '../../../shared/api/problem.ts';
import { useApiMutation } from '../../../shared/hooks/use-api-mutation.ts';
import { keptLogsKey } from './get-kept-logs.ts';

export interface LogUpload {
  file: File;
  name: string;
}

/** The format from the file name; the server also sniffs gzip from the first bytes. */
function formatOf(fileName: string): 'xes' | 'csv' | undefined {
  const bare = fileName.toLowerCase().replace(/\.gz$/, '');
  if (bare.endsWith('.xes') || bare.endsWith('.xml')) return 'xes';
  if (bare.endsWith('.csv') || bare.endsWith('.txt')) return 'csv';
  return undefined;
}

export async function uploadLog({ file, name }: LogUpload) {
  const format = formatOf(file.name);
  const type = /\.gz$/i.test(file.name) ? 'application/gzip' : format === 'csv' ? 'text/csv' : 'application/xml';
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': type };
  const csrf = csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(`/api/insights/logs${query({ name, format })}`, { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiError(0, 'network-error', 'Casemap cannot be reached. Check your connection and try again.');
  }
  if (!response.ok) throw await problemFrom(response);
  return ImportedLogSummary.parse(await response.json());
}

export function useUploadLog() {
  return useApiMutation(uploadLog, { invalidates: [keptLogsKey] });
}
