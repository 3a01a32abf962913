// The processes, their versions and drafts: open a version or a draft in the modeller, compare two
// versions, move running cases to another version, or start a new diagram.
import { useState, type FormEvent } from 'react';
import { Empty, ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import { hrefFor, navigate } from '../../../shared/routing/hash-route.ts';
import { formatWhen } from '../../../shared/time/deadline.ts';
import { useDefinitions, type DefinitionSummary } from '../api/get-definitions.ts';
import { useVersions, type VersionInfo } from '../api/get-version.ts';

function CompareForm({ definitionId, versions }: { definitionId: string; versions: readonly VersionInfo[] }) {
  // Versions come newest first: by default the latest is compared with the one before it.
  const [from, setFrom] = useState(String(versions[1]?.version ?? ''));
  const [to, setTo] = useState(String(versions[0]?.version ?? ''));
  const base = `compare-${definitionId}`;
  function compare(event: FormEvent) {
    event.preventDefault();
    navigate(hrefFor(['designer', definitionId, 'compare'], { from, to }));
  }
  const options = versions.map((version) => (
    <option key={version.version} value={version.version}>
      Version {version.version}
    </option>
  ));
  return (
    <form className="compare-form" onSubmit={compare} aria-label={`Compare versions of ${definitionId}`}>
      <label htmlFor={`${base}-from`}>Compare</label>
      <select id={`${base}-from`} value={from} onChange={(e) => setFrom(e.target.value)}>
        {options}
      </select>
      <label htmlFor={`${base}-to`}>with</label>
      <select id={`${base}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
        {options}
      </select>
      <button type="submit" disabled={from === to}>
        Show changes
      </button>
    </form>
  );
}

function Versions({ definition }: { definition: DefinitionSummary }) {
  const versions = useVersions(definition.id, definition.latestVersion ?? 0);
  if (versions.error) return <ErrorMessage error={versions.error} onRetry={versions.reload} />;
  if (!versions.data) return <Loading what="versions" />;
  return (
    <>
      <ul className="versions">
        {versions.data.map((version) => (
          <li key={version.version}>
            <a href={hrefFor(['designer', definition.id, String(version.version)])}>Version {version.version}</a> — {version.deployedAt ? formatWhen(version.deployedAt) : ''}
            {version.note ? <span className="muted"> · {version.note}</span> : null}
          </li>
        ))}
      </ul>
      {versions.data.length > 1 ? (
        <>
          <CompareForm definitionId={definition.id} versions={versions.data} />
          <p className="versions-migrate">
            <a href={hrefFor(['designer', definition.id, 'migrate'])}>Migrate running cases to another version</a>
          </p>
        </>
      ) : null}
    </>
  );
}

function DefinitionRow({ definition }: { definition: DefinitionSummary }) {
  const [open, setOpen] = useState(false);
  return (
    <li className="definition">
      <div className="definition-head">
        <strong>{definition.name || definition.id}</strong> <code>{definition.id}</code>
        <span className="muted">
          {' '}
          latest version {definition.latestVersion ?? '—'}
          {definition.deployedAt ? `, deployed ${formatWhen(definition.deployedAt)}` : ''}
        </span>{' '}
        {definition.latestVersion ? <a href={hrefFor(['designer', definition.id, String(definition.latestVersion)])}>Open latest</a> : null}{' '}
        {definition.hasDraft ? <a href={hrefFor(['designer', definition.id, 'draft'])}>Open draft</a> : null}{' '}
        {definition.latestVersion ? (
          <button type="button" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
            {open ? 'Hide versions' : 'Versions'}
          </button>
        ) : (
          <span className="muted">not deployed yet</span>
        )}
      </div>
      {open ? <Versions definition={definition} /> : null}
    </li>
  );
}

export function ProcessList() {
  const definitions = useDefinitions();
  return (
    <section>
      <header className="page-head">
        <h1>Designer</h1>
        <a className="button" href={hrefFor(['designer', 'new'])}>
          New diagram
        </a>
      </header>
      <p className="muted">Open a deployed version to change it, or start a new diagram (you can import a .bpmn file there).</p>
      {definitions.error ? <ErrorMessage error={definitions.error} onRetry={definitions.reload} /> : null}
      {definitions.loading && !definitions.data ? <Loading what="processes" /> : null}
      {definitions.data && definitions.data.items.length === 0 ? <Empty>No process is deployed yet. Start a new diagram.</Empty> : null}
      {definitions.data && definitions.data.items.length > 0 ? (
        <ul className="definition-list">
          {definitions.data.items.map((definition) => (
            <DefinitionRow key={definition.id} definition={definition} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
