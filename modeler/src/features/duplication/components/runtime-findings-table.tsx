// Duplication seen on real cases (from the event log): the same data entered again, the same check
// by two teams, steps redone; with how often and the hours it takes each month.
import type { RuntimeFinding } from '../../../../../domain/duplication/types.ts';
import { Empty } from '../../../shared/components/status.tsx';
import { hours, perMonth, RUNTIME_KIND_LABELS } from '../lib/report-text.ts';

export function RuntimeFindingsTable({ findings, months }: { findings: readonly RuntimeFinding[]; months: number }) {
  if (findings.length === 0) return <Empty>No duplicated work on cases yet: the event log shows none.</Empty>;
  const ranked = [...findings].sort((a, b) => b.hoursPerMonth - a.hoursPerMonth);
  return (
    <>
      <p className="muted">Over {months.toLocaleString('en-GB', { maximumFractionDigits: 1 })} month(s) of the event log.</p>
      <table className="data-table">
        <caption className="visually-hidden">Duplicated work on cases</caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Process</th>
            <th scope="col">Steps</th>
            <th scope="col">Cases</th>
            <th scope="col">Occurs</th>
            <th scope="col">Time</th>
          </tr>
        </thead>
        <tbody>
          {ranked.map((finding) => (
            <tr key={finding.key}>
              <td>
                {RUNTIME_KIND_LABELS[finding.kind]}
                {finding.field ? <span className="muted"> ({finding.field})</span> : null}
              </td>
              <td>{finding.definitionId}</td>
              <td>{finding.steps.map((step) => step.name).join('; ')}</td>
              <td>{finding.cases}</td>
              <td>{perMonth(finding.occurrencesPerMonth)}</td>
              <td>{hours(finding.hoursPerMonth)} a month</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
