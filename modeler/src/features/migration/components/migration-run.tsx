// A migration as it runs and after: a progress bar fed by polling until the run has completed, then
// each case's outcome (migrated, or refused and left as it was, with the reasons in words). When it
// completes, the cached cases and tasks are refreshed: they now run on the new version.
import { useEffect, useMemo } from 'react';
import type { MappableElement } from '../../../../../domain/contract/migration.ts';
import { invalidate, resourceKeys } from '../../../shared/api/query-client.ts';
import { Loading } from '../../../shared/components/status.tsx';
import { hrefFor } from '../../../shared/routing/hash-route.ts';
import { formatWhen } from '../../../shared/time/deadline.ts';
import { useMigrationProposal } from '../api/get-migration-plan.ts';
import { useMigrationProgress } from '../api/get-migration.ts';
import { refusalText } from '../lib/element-text.ts';
import { ProblemMessage } from './problem-message.tsx';

const OUTCOME_TEXT = { pending: 'Waiting', migrated: 'Migrated', refused: 'Refused, left as it was' } as const;

const byId = (elements: readonly MappableElement[] | undefined) => new Map((elements ?? []).map((element) => [element.id, element]));

export function MigrationRun({ definitionId, migrationId }: { definitionId: string; migrationId: string }) {
  const progress = useMigrationProgress(migrationId);
  const run = progress.data;
  // Only for the steps' names in refusals; the run itself is all the view needs.
  const proposal = useMigrationProposal(definitionId, run?.fromVersion ?? 0, run?.toVersion ?? 0, { enabled: run !== undefined });
  const sources = useMemo(() => byId(proposal.data?.sources), [proposal.data]);
  const targets = useMemo(() => byId(proposal.data?.targets), [proposal.data]);
  const completed = run?.status === 'completed';

  useEffect(() => {
    if (completed) void invalidate(resourceKeys.cases, resourceKeys.tasks, resourceKeys.definitions, [...resourceKeys.migrations, 'of', definitionId]);
  }, [completed, definitionId]);

  if (progress.error && !run) return <ProblemMessage error={progress.error} onRetry={progress.reload} />;
  if (!run) return <Loading what="the migration" />;
  const done = run.migrated + run.refused;
  return (
    <section className="migration-run" aria-labelledby="migration-run-heading">
      <h2 id="migration-run-heading">
        Migration from version {run.fromVersion} to version {run.toVersion}
      </h2>
      <p className="muted">
        Started by {run.startedBy} {formatWhen(run.startedAt)}
        {run.finishedAt ? `, finished ${formatWhen(run.finishedAt)}` : ''}
      </p>
      <label htmlFor="migration-progress">Cases done</label>{' '}
      <progress id="migration-progress" max={Math.max(run.total, 1)} value={done}>
        {done} of {run.total}
      </progress>
      <p role="status" aria-live="polite" data-testid="migration-status">
        {completed ? 'Completed' : 'Running'}: {done} of {run.total} case{run.total === 1 ? '' : 's'} done, {run.migrated} migrated, {run.refused} refused.
      </p>
      {progress.error ? <ProblemMessage error={progress.error} onRetry={progress.reload} /> : null}
      <table className="data-table" data-testid="migration-outcomes">
        <caption className="visually-hidden">The outcome for each case</caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {run.cases.map((item) => (
            <tr key={item.caseId} className={`migration-outcome-${item.outcome}`}>
              <th scope="row">
                <a href={hrefFor(['cases', item.caseId])}>{item.caseId}</a>
              </th>
              <td>
                <span className={`badge migration-outcome-badge-${item.outcome}`}>{OUTCOME_TEXT[item.outcome]}</span>
                {item.refusals.length > 0 ? (
                  <ul className="migration-lines">
                    {item.refusals.map((refusal, index) => (
                      <li key={index}>{refusalText(refusal, sources, targets)}</li>
                    ))}
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {completed ? (
        <p>
          <a href={hrefFor(['designer', definitionId, 'migrate'], { from: String(run.fromVersion), to: String(run.toVersion) })}>Plan another migration</a>
        </p>
      ) : null}
    </section>
  );
}
