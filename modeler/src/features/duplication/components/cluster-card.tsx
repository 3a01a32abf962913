// One ranked duplication: what is repeated, what it costs, where (each step opens in the Designer),
// the evidence for the match, a suggested consolidation and the "Mark as intended" action.
import type { Cluster, Finding } from '../../../../../domain/duplication/types.ts';
import { hrefFor } from '../../../shared/routing/hash-route.ts';
import { COST_BASIS_LABELS, DETECTOR_LABELS, hours, percent, perMonth } from '../lib/report-text.ts';
import { suggestedConsolidation } from '../lib/suggested-consolidation.ts';
import { MarkIntendedForm } from './mark-intended-form.tsx';

export function ClusterCard({ cluster, findings, onMarked }: { cluster: Cluster; findings: readonly Finding[]; onMarked: (reason: string) => void }) {
  const headingId = `cluster-${cluster.rank}`;
  return (
    <li className="cluster-card" aria-labelledby={headingId}>
      <div className="cluster-head">
        <h3 id={headingId}>
          <span className="cluster-rank">{cluster.rank}.</span> {cluster.title}
        </h3>
        <p className="cluster-cost">
          <strong>{hours(cluster.estimatedHoursPerMonth)}</strong> a month avoidable
        </p>
      </div>
      <p className="cluster-meta">
        <span className="badge">{DETECTOR_LABELS[cluster.detector]}</span> similarity {percent(cluster.score)} · occurs {perMonth(cluster.occurrencesPerMonth)} · cost {COST_BASIS_LABELS[cluster.costBasis]}
      </p>
      <table className="data-table cluster-steps">
        <caption className="visually-hidden">Steps in duplication {cluster.rank}</caption>
        <thead>
          <tr>
            <th scope="col">Process</th>
            <th scope="col">Step (opens in the Designer)</th>
            <th scope="col">Team</th>
          </tr>
        </thead>
        <tbody>
          {cluster.steps.map((step) => (
            <tr key={`${step.definitionId}#${step.nodeId}`}>
              <td>{step.process}</td>
              <td>
                <a href={hrefFor(['designer', step.definitionId, 'latest'], { element: step.nodeId })}>{step.name}</a>
              </td>
              <td>{step.team ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="cluster-suggestion">
        <strong>Suggested consolidation:</strong> {suggestedConsolidation(cluster, findings)}
      </p>
      <details className="cluster-evidence">
        <summary>Evidence ({cluster.evidence.length})</summary>
        <ul>
          {cluster.evidence.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      </details>
      <MarkIntendedForm clusterKey={cluster.key} title={cluster.title} onMarked={onMarked} />
    </li>
  );
}
