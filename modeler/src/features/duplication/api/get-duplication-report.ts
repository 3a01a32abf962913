// GET /api/duplication/report: the ranked duplication clusters across the deployed library, the
// clusters marked intended and the runtime findings; report.csv is the same clusters as a file.
import { DuplicationReport, type DuplicationReportQuery } from '../../../../../domain/contract/duplication.ts';
import { apiGet, query } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

/** What the report is computed over: cases per month assumed where the log has no figures, and the last `days` of the log. */
export type ReportOptions = DuplicationReportQuery;

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
