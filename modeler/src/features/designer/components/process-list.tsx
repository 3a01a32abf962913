// The deployed processes and their versions; open one in the modeller, or start a new diagram.
import { useState } from 'react';
import { Empty, ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import { hrefFor } from '../../../shared/routing/hash-route.ts';
import { formatWhen } from '../../../shared/time/deadline.ts';
import { useDefinitions, type DefinitionSummary } from '../api/get-definitions.ts';
import { useVersions } from '../api/get-version.ts';

function Versions({ definition }: { definition: DefinitionSummary }) {
  const versions = useVersions(definition.id, definition.latestVersion ?? 0);
  if (versions.error) return <ErrorMessage error={versions.error} onRetry={versions.reload} />;
  if (!versions.data) return <Loading what="versions" />;
  return (
    <ul className="versions">
      {versions.data.map((version) => (
        <li key={version.version}>
          <a href={hrefFor(['designer', definition.id, String(version.version)])}>Version {version.version}</a> — {version.deployedAt ? formatWhen(version.deployedAt) : ''}
          {version.note ? <span className="muted"> · {version.note}</span> : null}
        </li>
      ))}
    </ul>
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
        <button type="button" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
          {open ? 'Hide versions' : 'Versions'}
        </button>
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
