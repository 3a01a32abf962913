// The migrations already run on a process, newest first as the server lists them, each linking to
// its outcome.
import { hrefFor } from '../../../shared/routing/hash-route.ts';
import { formatWhen } from '../../../shared/time/deadline.ts';
import { useMigrations } from '../api/get-migrations.ts';

export function EarlierMigrations({ definitionId, current }: { definitionId: string; current: string | undefined }) {
  const migrations = useMigrations(definitionId);
  const items = migrations.data?.items ?? [];
  // A process never migrated needs no empty list; a failure to list them does not block planning one.
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="earlier-migrations-heading">
      <h2 id="earlier-migrations-heading">Migrations of {definitionId}</h2>
      <ul className="migration-history">
        {items.map((run) => (
          <li key={run.migrationId}>
            <a href={hrefFor(['designer', definitionId, 'migrate'], { from: String(run.fromVersion), to: String(run.toVersion), migration: run.migrationId })} aria-current={run.migrationId === current ? 'page' : undefined}>
              Version {run.fromVersion} → {run.toVersion}, {formatWhen(run.startedAt)}
            </a>{' '}
            <span className="muted">
              by {run.startedBy}: {run.migrated} migrated, {run.refused} refused of {run.total}
              {run.status === 'running' ? ' (running)' : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
