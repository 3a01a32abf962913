// Two deployed versions side by side with what changed marked on each canvas (added and changed
// steps on the newer, removed and changed on the older) and listed below; choosing a change in
// the list scrolls both canvases to it.
import { useMemo, useState } from 'react';
import { ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { hrefFor } from '../../../shared/routing/hash-route.ts';
import MarkedDiagram from '../../../shared/diagram/marked-diagram.tsx';
import { fetchVersionBpmn } from '../../../shared/api/get-version-bpmn.ts';
import { diffVersions, type ChangeKind, type DiagramChange } from '../lib/version-diff.ts';

const KIND_TEXT: Record<ChangeKind, string> = { added: 'Added', removed: 'Removed', changed: 'Changed', moved: 'Moved' };

function markersFor(changes: readonly DiagramChange[], side: 'older' | 'newer'): Map<string, string> {
  const shownOn = side === 'older' ? ['removed', 'changed'] : ['added', 'changed', 'moved'];
  return new Map(changes.filter((change) => shownOn.includes(change.kind)).map((change) => [change.elementId, `diff-${change.kind}`]));
}

async function loadComparison(definitionId: string, from: number, to: number) {
  const [older, newer] = await Promise.all([fetchVersionBpmn(definitionId, from), fetchVersionBpmn(definitionId, to)]);
  return { older, newer, changes: await diffVersions(older, newer) };
}

function VersionCanvas({ definitionId, version, shows, xml, markers, focus, testId }: { definitionId: string; version: number; shows: string; xml: string; markers: Map<string, string>; focus: string | undefined; testId: string }) {
  return (
    <figure aria-label={`Version ${version}, with ${shows} elements marked`}>
      <figcaption>
        Version {version} <a href={hrefFor(['designer', definitionId, String(version)])}>open</a>
      </figcaption>
      <MarkedDiagram xml={xml} markers={markers} focus={focus} testId={testId} />
    </figure>
  );
}

function ChangeList({ changes, onFocus }: { changes: readonly DiagramChange[]; onFocus: (elementId: string) => void }) {
  if (changes.length === 0) return <p className="status status-empty">The two versions have the same steps, flows and properties.</p>;
  return (
    <ul className="change-list" data-testid="change-list">
      {changes.map((change) => (
        <li key={change.elementId} className={`change change-${change.kind}`}>
          <span className={`badge diff-badge-${change.kind}`}>{KIND_TEXT[change.kind]}</span>{' '}
          <button type="button" className="link-button" onClick={() => onFocus(change.elementId)}>
            {change.type} “{change.name ?? change.elementId}”
          </button>
          {change.details.length > 0 ? (
            <ul className="change-details">
              {change.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function VersionDiffPage({ definitionId, from, to }: { definitionId: string; from: number; to: number }) {
  const valid = Number.isInteger(from) && Number.isInteger(to) && from > 0 && to > 0;
  if (!valid)
    return (
      <p className="status status-error" role="alert">
        Choose two versions of {definitionId} to compare. <a href={hrefFor(['designer'])}>See the processes</a>
      </p>
    );
  return <Comparison definitionId={definitionId} from={from} to={to} />;
}

function Comparison({ definitionId, from, to }: { definitionId: string; from: number; to: number }) {
  const comparison = useApiQuery([...resourceKeys.definitions, definitionId, 'compare', from, to], () => loadComparison(definitionId, from, to));
  const [focus, setFocus] = useState<string>();
  const changes = comparison.data?.changes;
  const older = useMemo(() => markersFor(changes ?? [], 'older'), [changes]);
  const newer = useMemo(() => markersFor(changes ?? [], 'newer'), [changes]);

  return (
    <section className="version-diff" aria-labelledby="diff-heading">
      <header className="page-head">
        <h1 id="diff-heading">
          {definitionId}: version {from} compared with version {to}
        </h1>
        <a href={hrefFor(['designer'])}>All processes</a>
        <a href={hrefFor(['designer', definitionId, 'migrate'], { from: String(from), to: String(to) })}>
          Migrate running cases from version {from} to version {to}
        </a>
      </header>
      {comparison.error ? <ErrorMessage error={comparison.error} onRetry={comparison.reload} /> : null}
      {!comparison.data && !comparison.error ? <Loading what={`versions ${from} and ${to}`} /> : null}
      {comparison.data ? (
        <>
          <div className="diff-columns">
            <VersionCanvas definitionId={definitionId} version={from} shows="removed and changed" xml={comparison.data.older} markers={older} focus={focus} testId="diff-older" />
            <VersionCanvas definitionId={definitionId} version={to} shows="added and changed" xml={comparison.data.newer} markers={newer} focus={focus} testId="diff-newer" />
          </div>
          <p className="legend">
            <span className="legend-item diff-added">added</span>
            <span className="legend-item diff-removed">removed</span>
            <span className="legend-item diff-changed">changed</span>
            <span className="legend-item diff-moved">moved</span>
          </p>
          <h2>
            {changes!.length} change{changes!.length === 1 ? '' : 's'}
          </h2>
          <ChangeList changes={changes!} onFocus={setFocus} />
        </>
      ) : null}
    </section>
  );
}
