// Which case log rows a reader may see: every row the normal activity wrote, and a fenced local
// write's rows once confirmed (storage/case-log-confirm.ts). Its own module, because every read of
// the log needs it and the confirming code imports those reads' neighbours (the projection, the
// fold at a case's end): kept apart, the two form no import cycle.

/** SQL that holds for an events row `alias` a reader may see: written by the normal activity, or confirmed. */
export function confirmedEvent(alias: string): string {
  return `NOT EXISTS (SELECT 1 FROM case_log_fences f WHERE f.case_id = ${alias}.case_id AND ${alias}.position > f.confirmed_through)`;
}
