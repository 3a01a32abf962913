// The API's description of an event log imported from another system and kept for analysis: its name, origin and size.
import { z } from 'zod';

export const ImportedLogFormat = z.enum(['xes', 'csv']);
export type ImportedLogFormat = z.infer<typeof ImportedLogFormat>;

export const ImportedLogSummary = z.object({
  id: z.string(),
  name: z.string(),
  format: ImportedLogFormat,
  importedBy: z.string(),
  importedAt: z.string(),
  cases: z.number().int(),
  events: z.number().int(),
  /** Rows read but not used: lifecycle transitions other than schedule/start/complete/abort. */
  skippedRows: z.number().int(),
  firstAt: z.string().nullable(),
  lastAt: z.string().nullable(),
  /** Bytes received (compressed when the upload was gzipped). */
  sizeBytes: z.number().int(),
});
export type ImportedLogSummary = z.infer<typeof ImportedLogSummary>;

export const ImportedLogList = z.object({ logs: z.array(ImportedLogSummary) });
export type ImportedLogList = z.infer<typeof ImportedLogList>;
