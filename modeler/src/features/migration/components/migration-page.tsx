// "Migrate running cases" for one process (a lazily loaded chunk, as bpmn-js is large): choose the
// version the cases run on and the one to move them to, then plan, preview and run the migration,
// or follow a run (its id in the address, so a reload finds it again). Earlier runs are listed.
import { useState, type FormEvent } from 'react';
import type { VersionSummary } from '../../../../../domain/contract/definition.ts';
import { useVersionList } from '../../../shared/api/get-versions.ts';
import { ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import { hrefFor, navigate, type Route } from '../../../shared/routing/hash-route.ts';
import { useMigrationProposal } from '../api/get-migration-plan.ts';
import { MigrationWorkspace } from './migration-workspace.tsx';
import { MigrationRun } from './migration-run.tsx';
import { EarlierMigrations } from './earlier-migrations.tsx';
import { ProblemMessage } from './problem-message.tsx';
import './migration.css';

function VersionPicker({ definitionId, versions, from, to }: { definitionId: string; versions: readonly VersionSummary[]; from: number; to: number }) {
  const [chosenFrom, setFrom] = useState(String(from || ''));
  const [chosenTo, setTo] = useState(String(to || ''));
  function choose(event: FormEvent) {
    event.preventDefault();
    navigate(hrefFor(['designer', definitionId, 'migrate'], { from: chosenFrom, to: chosenTo }));
  }
  const options = versions.map((version) => (
    <option key={version.version} value={version.version}>
      Version {version.version}
      {version.note ? ` — ${version.note}` : ''}
    </option>
  ));
  return (
    <form className="toolbar migration-versions" onSubmit={choose} aria-label="Versions to migrate between">
      <label htmlFor="migration-from">Cases running on</label>
      <select id="migration-from" value={chosenFrom} onChange={(event) => setFrom(event.target.value)}>
        {options}
      </select>
      <label htmlFor="migration-to">move to</label>
      <select id="migration-to" value={chosenTo} onChange={(event) => setTo(event.target.value)}>
        {options}
      </select>
      <button type="submit" disabled={chosenFrom === chosenTo}>
        Propose a mapping
      </button>
    </form>
  );
}

function Plan({ definitionId, from, to }: { definitionId: string; from: number; to: number }) {
  const proposal = useMigrationProposal(definitionId, from, to);
  // The previous pair's proposal stays on screen while the new one loads; it must not seed the editor.
  const current = proposal.data && proposal.data.fromVersion === from && proposal.data.toVersion === to ? proposal.data : undefined;
  if (proposal.error) return <ProblemMessage error={proposal.error} onRetry={proposal.reload} />;
  if (!current) return <Loading what={`the proposed mapping from version ${from} to version ${to}`} />;
  return <MigrationWorkspace key={`${from}-${to}`} proposal={current} />;
}

export default function MigrationPage({ definitionId, route }: { definitionId: string; route: Route }) {
  const versions = useVersionList(definitionId);
  const migrationId = route.query.get('migration') ?? undefined;
  const items = versions.data?.items ?? [];
  // Versions come newest first: by default the cases of the one before the latest move to the latest.
  const from = Number(route.query.get('from')) || items[1]?.version || 0;
  const to = Number(route.query.get('to')) || items[0]?.version || 0;

  return (
    <section className="migration" aria-labelledby="migration-heading">
      <header className="page-head">
        <h1 id="migration-heading">Migrate running cases of {definitionId}</h1>
        <a href={hrefFor(['designer'])}>All processes</a>
        {from && to && from !== to ? <a href={hrefFor(['designer', definitionId, 'compare'], { from: String(from), to: String(to) })}>What changed between these versions</a> : null}
      </header>
      {versions.error ? <ErrorMessage error={versions.error} onRetry={versions.reload} /> : null}
      {!versions.data && !versions.error ? <Loading what="versions" /> : null}
      {versions.data && items.length < 2 ? <p className="status status-empty">{definitionId} has one version; deploy another before migrating cases to it.</p> : null}
      {versions.data && items.length >= 2 ? (
        <>
          <VersionPicker key={`${from}-${to}`} definitionId={definitionId} versions={items} from={from} to={to} />
          {migrationId ? <MigrationRun key={migrationId} definitionId={definitionId} migrationId={migrationId} /> : from === to ? <p className="status status-empty">Choose two different versions.</p> : <Plan definitionId={definitionId} from={from} to={to} />}
        </>
      ) : null}
      <EarlierMigrations definitionId={definitionId} current={migrationId} />
    </section>
  );
}
