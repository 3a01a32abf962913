// GET /api/duplication/report: the ranked duplication clusters across the deployed library, the
// clusters marked intended and the runtime findings; report.csv is the same clusters as a file.
import { DuplicationReport } from '../../../../../domain/contract/duplication.ts';
import { apiGet, query } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

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
  return useApiQuery([...resourceKeys.duplication, 'report', { casesPerMonth: options.casesPerMonth, days: options.days }], () => getDuplicationReport(options));
}

/** Where the browser downloads the clusters as CSV (a plain link: the session cookie goes with it). */
export function duplicationCsvHref(options: ReportOptions): string {
  return `/api/duplication/report.csv${query({ ...options })}`;
}
