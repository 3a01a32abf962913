// Casemap's own Prometheus metrics, read from the projection database at scrape time: cases started
// and ended, tasks open per team, and how long tasks and cases take to complete. Every replica
// reports the same installation-wide figures (the projection is shared), so aggregate them with
// max(), not sum(); per-process figures (requests, the Node runtime) are in http-metrics.ts.
import type { Registry } from 'prom-client';

/** Seconds: a form filled in minutes, a hand-off within days, a case within weeks to months. */
export const TASK_BUCKETS = [1, 10, 60, 300, 1_800, 3_600, 4 * 3_600, 24 * 3_600, 3 * 24 * 3_600, 7 * 24 * 3_600, 30 * 24 * 3_600];
export const CASE_BUCKETS = [60, 3_600, 24 * 3_600, 7 * 24 * 3_600, 30 * 24 * 3_600, 90 * 24 * 3_600, 365 * 24 * 3_600];

interface MetricValue {
  value: number;
  labels?: Record<string, string | number>;
  metricName?: string;
}

interface CustomMetric {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  get(): Promise<{ name: string; help: string; type: string; values: MetricValue[]; aggregator: 'max' }>;
  reset(): void;
}

export interface MetricsStore {
  query<T>(sql: string): Promise<T[]>;
}

function metric(name: string, help: string, type: CustomMetric['type'], read: () => Promise<MetricValue[]>): CustomMetric {
  return { name, help, type, get: async () => ({ name, help, type, values: await read(), aggregator: 'max' }), reset: () => {} };
}

/** A cumulative histogram computed by the database in one pass, so no row leaves it. */
async function durationHistogram(db: MetricsStore, name: string, table: 'tasks' | 'cases', from: string, to: string, where: string, buckets: number[]): Promise<MetricValue[]> {
  const seconds = `extract(epoch FROM (${to} - ${from}))`;
  const counts = buckets.map((le, i) => `count(*) FILTER (WHERE ${seconds} <= ${le}) AS b${i}`).join(', ');
  const [row] = await db.query<Record<string, string | number | null>>(`SELECT ${counts}, count(*) AS total, coalesce(sum(${seconds}), 0) AS sum FROM ${table} WHERE ${where}`);
  const values: MetricValue[] = buckets.map((le, i) => ({ metricName: `${name}_bucket`, labels: { le }, value: Number(row?.[`b${i}`] ?? 0) }));
  values.push({ metricName: `${name}_bucket`, labels: { le: '+Inf' }, value: Number(row?.total ?? 0) });
  values.push({ metricName: `${name}_sum`, value: Number(row?.sum ?? 0) });
  values.push({ metricName: `${name}_count`, value: Number(row?.total ?? 0) });
  return values;
}

export function registerCasemapMetrics(registry: Registry, db: MetricsStore): void {
  const metrics = [
    metric('casemap_cases_started_total', 'Cases started in this installation.', 'counter', async () => {
      const [row] = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM cases');
      return [{ value: Number(row?.n ?? 0) }];
    }),
    metric('casemap_cases_ended_total', 'Cases ended in this installation, by how they ended.', 'counter', async () => {
      const rows = await db.query<{ status: string; n: string | number }>("SELECT status, count(*) AS n FROM cases WHERE status <> 'running' GROUP BY status ORDER BY status");
      return rows.map((row) => ({ labels: { status: row.status }, value: Number(row.n) }));
    }),
    metric('casemap_cases_running', 'Cases running now.', 'gauge', async () => {
      const [row] = await db.query<{ n: string | number }>("SELECT count(*) AS n FROM cases WHERE status = 'running'");
      return [{ value: Number(row?.n ?? 0) }];
    }),
    metric('casemap_tasks_open', 'Tasks open (unclaimed or claimed, not completed) per team.', 'gauge', async () => {
      const rows = await db.query<{ team: string; status: string; n: string | number }>("SELECT team, status, count(*) AS n FROM tasks WHERE status IN ('open', 'claimed') GROUP BY team, status ORDER BY team, status");
      return rows.map((row) => ({ labels: { team: row.team, status: row.status }, value: Number(row.n) }));
    }),
    metric('casemap_task_completion_seconds', 'From a task becoming ready to its completion, over completed tasks.', 'histogram', () =>
      durationHistogram(db, 'casemap_task_completion_seconds', 'tasks', 'created_at', 'completed_at', "status = 'completed' AND completed_at IS NOT NULL", TASK_BUCKETS),
    ),
    metric('casemap_case_completion_seconds', 'From a case starting to its end, over ended cases.', 'histogram', () =>
      durationHistogram(db, 'casemap_case_completion_seconds', 'cases', 'started_at', 'ended_at', "status <> 'running' AND ended_at IS NOT NULL", CASE_BUCKETS),
    ),
  ];
  // prom-client formats any object with get(); these read the database instead of counting in memory.
  for (const each of metrics) registry.registerMetric(each as unknown as Parameters<Registry['registerMetric']>[0]);
}
