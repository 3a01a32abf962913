// POST /api/insights/logs: the log file itself as the body (XES, CSV or OCEL 2.0, gzipped or not), so
// a log of hundreds of MB is streamed by the browser and read as it arrives, never held as one JSON
// string. Sent with XMLHttpRequest because fetch reports no upload progress.
import { ImportedLogSummary, type ImportedLogFormat } from '../../../../../domain/insights/imported-log.ts';
import type { KeptLogUploadQuery } from '../../../../../domain/contract/insights.ts';
import { csrfToken, query, UNAUTHENTICATED_EVENT } from '../../../shared/api/http.ts';
import { ApiError, problemFrom } from '../../../shared/api/problem.ts';
import { useApiMutation } from '../../../shared/hooks/use-api-mutation.ts';
import { keptLogsKey } from './get-kept-logs.ts';

/** How far an upload is: bytes sent of the file's size; `sent === total` while the server reads and keeps it. */
export interface UploadProgress {
  sent: number;
  total: number;
}

export interface LogUpload {
  file: File;
  name: string;
  onProgress?: (progress: UploadProgress) => void;
}

/** The format from the file name; the server also sniffs gzip from the first bytes. */
export function formatOf(fileName: string): ImportedLogFormat | undefined {
  const bare = fileName.toLowerCase().replace(/\.gz$/, '');
  if (bare.endsWith('.xes') || bare.endsWith('.xml')) return 'xes';
  if (bare.endsWith('.csv') || bare.endsWith('.txt')) return 'csv';
  if (bare.endsWith('.jsonocel') || bare.endsWith('.json')) return 'jsonocel';
  if (bare.endsWith('.xmlocel')) return 'xmlocel';
  return undefined;
}

/** The body's Content-Type: the API parses application/json itself, so OCEL JSON travels as bytes. */
function contentTypeOf(fileName: string, format: ImportedLogFormat | undefined): string {
  if (/\.gz$/i.test(fileName)) return 'application/gzip';
  if (format === 'csv') return 'text/csv';
  if (format === 'jsonocel') return 'application/octet-stream';
  return 'application/xml';
}

export function uploadLog({ file, name, onProgress }: LogUpload): Promise<ImportedLogSummary> {
  const format = formatOf(file.name);
  const upload: KeptLogUploadQuery = { name, format };
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/insights/logs${query(upload)}`);
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('content-type', contentTypeOf(file.name, format));
    const csrf = csrfToken();
    if (csrf) request.setRequestHeader('x-csrf-token', csrf);
    request.upload.onprogress = (event) => onProgress?.({ sent: event.loaded, total: event.lengthComputable ? event.total : file.size });
    request.upload.onload = () => onProgress?.({ sent: file.size, total: file.size });
    request.onerror = () => reject(new ApiError(0, 'network-error', 'Casemap cannot be reached. Check your connection and try again.'));
    request.onload = () => {
      const response = new Response(request.responseText, { status: request.status, statusText: request.statusText, headers: { 'content-type': request.getResponseHeader('content-type') ?? 'application/json' } });
      if (!response.ok) {
        problemFrom(response).then((problem) => {
          if (problem.status === 401 || problem.code === 'csrf-token-missing') window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
          reject(problem);
        }, reject);
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      const parsed = ImportedLogSummary.safeParse(body);
      if (parsed.success) resolve(parsed.data);
      else reject(new ApiError(0, 'unexpected-response', `The server's answer to the upload was not understood: ${parsed.error.issues[0]?.message ?? 'invalid'}.`));
    };
    request.send(file);
  });
}

export function useUploadLog() {
  return useApiMutation(uploadLog, { invalidates: [keptLogsKey] });
}
