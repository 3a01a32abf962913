// The API's description of an event log imported from another system and kept for analysis: its name, origin and size.
import { z } from 'zod';

/** jsonocel and xmlocel: OCEL 2.0 object-centric logs, flattened by one object type for the process views. */
export const ImportedLogFormat = z.enum(['xes', 'csv', 'jsonocel', 'xmlocel']);
export type ImportedLogFormat = z.infer<typeof ImportedLogFormat>;

/** Where an object-centric log came from and how it is flattened: each object of `objectType` is a case holding every event related to it. */
export const OcelOrigin = z.object({
  objectType: z.string(),
  objectTypes: z.array(z.object({ name: z.string(), objects: z.number().int(), events: z.number().int() })),
  /** Events in the file; `unrelatedEvents` of them relate to no object and so are in no flattening. */
  events: z.number().int(),
  unrelatedEvents: z.number().int(),
});
export type OcelOrigin = z.infer<typeof OcelOrigin>;

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
  /** OCEL logs only; `cases` and `events` then count the chosen flattening. */
  ocel: OcelOrigin.optional(),
});
export type ImportedLogSummary = z.infer<typeof ImportedLogSummary>;

export const ImportedLogList = z.object({ logs: z.array(ImportedLogSummary) });
export type ImportedLogList = z.infer<typeof ImportedLogList>;
