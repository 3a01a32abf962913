// `#/insights/duplication`: where the same work is done twice across the deployed processes,
// ranked by the hours a month it costs, with the evidence, a suggested consolidation, links into
// the Designer, a CSV download, the clusters kept on purpose, and what the event log shows.
import { useEffect, useRef, useState } from 'react';
import type { DuplicationReport } from '../../../../../domain/duplication/types.ts';
import { Empty, ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import { hrefFor, type Route } from '../../../shared/routing/hash-route.ts';
import { duplicationCsvHref, useDuplicationReport } from '../api/get-duplication-report.ts';
import { hours } from '../lib/report-text.ts';
import { ClusterCard } from './cluster-card.tsx';
import { reportOptionsFrom, ReportOptionsForm } from './report-options-form.tsx';
import { RuntimeFindingsTable } from './runtime-findings-table.tsx';
import './duplication-report.css';

function IntendedList({ clusters }: { clusters: DuplicationReport['intended'] }) {
  if (clusters.length === 0) return <Empty>Nothing is marked as intended.</Empty>;
  return (
    <ul className="intended-list">
      {clusters.map((cluster) => (
        <li key={cluster.key}>
          <strong>{cluster.title}</strong> <span className="muted">({hours(cluster.estimatedHoursPerMonth)} a month)</span>
          <br />
          Kept because: {cluster.intended?.reason}
        </li>
      ))}
    </ul>
  );
}

function ReportBody({ report, onMarked }: { report: DuplicationReport; onMarked: (title: string, reason: string) => void }) {
  const total = report.clusters.reduce((sum, cluster) => sum + cluster.estimatedHoursPerMonth, 0);
  return (
    <>
      <p className="report-summary">
        {report.models} deployed process{report.models === 1 ? '' : 'es'} and {report.steps} steps analysed: <strong>{report.clusters.length}</strong> duplication
        {report.clusters.length === 1 ? '' : 's'} adding up to <strong>{hours(total)}</strong> a month (at most: one step can be in several of them).
      </p>
      <h2>Ranked by avoidable hours a month</h2>
      {report.models === 0 ? <Empty>No process is deployed yet, so there is nothing to compare. Deploy processes in the Designer first.</Empty> : null}
      {report.models > 0 && report.clusters.length === 0 ? <Empty>No duplicated work found across the deployed processes.</Empty> : null}
      {report.clusters.length > 0 ? (
        <ol className="cluster-list" aria-label="Duplications">
          {report.clusters.map((cluster) => (
            <ClusterCard key={cluster.key} cluster={cluster} findings={report.findings} onMarked={(reason) => onMarked(cluster.title, reason)} />
          ))}
        </ol>
      ) : null}
      <details className="intended-section">
        <summary>
          <h2>Marked as intended ({report.intended.length})</h2>
        </summary>
        <IntendedList clusters={report.intended} />
      </details>
      <h2>On real cases</h2>
      <RuntimeFindingsTable findings={report.runtime} months={report.runtimeMonths} />
    </>
  );
}

export default function DuplicationReportPage({ route }: { route: Route }) {
  const options = reportOptionsFrom(route.query);
  const report = useDuplicationReport(options);
  const [notice, setNotice] = useState<string>();
  const noticeRef = useRef<HTMLParagraphElement>(null);

  // The marked cluster's card goes away; keep keyboard and screen-reader users where they were.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  return (
    <section className="duplication-report" aria-labelledby="duplication-heading">
      <p>
        <a href={hrefFor(['insights'])}>← Insights</a>
      </p>
      <header className="page-head">
        <h1 id="duplication-heading">Duplication report</h1>
        <a className="button" href={duplicationCsvHref(options)} download="duplication-report.csv">
          Download CSV
        </a>
      </header>
      <p className="muted">
        Work done twice across the deployed processes: the same step by another team, the same run of steps drawn again, the same data asked for again along one case's path. Hours are the
        work that would be saved by doing each thing once.
      </p>
      <ReportOptionsForm key={route.query.toString()} options={options} />
      {notice ? (
        <p ref={noticeRef} className="status status-ok" role="status" tabIndex={-1}>
          {notice}
        </p>
      ) : null}
      {report.error ? <ErrorMessage error={report.error} onRetry={report.reload} /> : null}
      {report.loading && !report.data ? <Loading what="the duplication report" /> : null}
      {report.data ? (
        <ReportBody
          report={report.data}
          onMarked={(title, reason) => {
            // Marking invalidated the cached report, which refetches on its own.
            setNotice(`Marked as intended: ${title} (${reason}). It is no longer ranked.`);
          }}
        />
      ) : null}
    </section>
  );
}
