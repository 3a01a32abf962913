// GET /api/duplication/report: the ranked duplication clusters across the deployed library, the
// clusters marked intended and the runtime findings; report.csv is the same clusters as a file.
import { DuplicationReport } from '../../../../../domain/duplication/types.ts';
import { apiGet, query } from '../../../shared/api/http.ts';
import { useResource } from '../../../shared/hooks/use-resource.ts';

export interface ReportOptions {
  /** Cases per month assumed for a step the event log has no figures for (the server's default is 100). */
  casesPerMonth?: number;
  /** Only the last `days` days of the event log feed the runtime figures. */
  days?: number;
}

export function getDuplicationReport(options: ReportOptions) {
  return apiGet(`/api/duplication/report${query({ ...options })}`, DuplicationReport);
}

export function useDuplicationReport(options: ReportOptions) {
  return useResource(() => getDuplicationReport(options), [options.casesPerMonth, options.days]);
}

/** Where the browser downloads the clusters as CSV (a plain link: the session cookie goes with it). */
export function duplicationCsvHref(options: ReportOptions): string {
  return `/api/duplication/report.csv${query({ ...options })}`;
}
