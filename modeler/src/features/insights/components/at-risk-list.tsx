// Open cases that will miss a deadline at the current pace, each linking to its case.
import type { AtRiskItem } from '../../../../../domain/insights/report.ts';
import { Empty } from '../../../shared/components/status.tsx';
import { hrefFor } from '../../../shared/routing/hash-route.ts';
import { formatWhen } from '../../../shared/time/deadline.ts';
import { formatDuration } from '../lib/format-figures.ts';

export function AtRiskList({ items }: { items: readonly AtRiskItem[] }) {
  if (items.length === 0) return <Empty>No open case is predicted to miss a deadline.</Empty>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="at-risk-list">
        <caption className="visually-hidden">Cases at risk of missing a deadline</caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Deadline</th>
            <th scope="col">Step</th>
            <th scope="col">Team</th>
            <th scope="col">Due</th>
            <th scope="col">Predicted</th>
            <th scope="col">Late by</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.caseId}|${item.taskId ?? item.deadlineName}`}>
              <td>
                <a href={hrefFor(['cases', item.caseId])}>{item.caseId}</a>
              </td>
              <td>{item.deadlineName}</td>
              <td>{item.name ?? '—'}</td>
              <td>{item.team ?? '—'}</td>
              <td>
                {formatWhen(item.deadline)} {item.alreadyOverdue ? <span className="overdue-mark">overdue</span> : null}
              </td>
              <td>
                {formatWhen(item.predictedAt)}
                {item.basis === 'no-history' ? <span className="muted"> (no comparable history)</span> : null}
              </td>
              <td>{formatDuration(item.lateByMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
