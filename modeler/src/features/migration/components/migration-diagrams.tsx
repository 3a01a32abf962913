// The two versions side by side, read-only: the steps where a case can wait are marked on the old
// version (with how many cases wait there, once previewed), the steps a case can go to on the new
// one; the chosen mapping row is outlined on both, and clicking a step on the old one chooses its row.
import { useMemo } from 'react';
import type { MappableElement } from '../../../../../domain/contract/migration.ts';
import { useVersionBpmn } from '../../../shared/api/get-version-bpmn.ts';
import { ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import MarkedDiagram from '../../../shared/diagram/marked-diagram.tsx';

interface VersionDiagramProps {
  definitionId: string;
  version: number;
  role: 'source' | 'target';
  elements: readonly MappableElement[];
  selected: string | undefined;
  badges?: ReadonlyMap<string, { text: string; label: string }>;
  onElementClick?: (elementId: string) => void;
  testId: string;
}

function VersionDiagram({ definitionId, version, role, elements, selected, badges, onElementClick, testId }: VersionDiagramProps) {
  const xml = useVersionBpmn(definitionId, version);
  const markers = useMemo(() => new Map(elements.map((element) => [element.id, `migration-${role}`])), [elements, role]);
  const caption = role === 'source' ? `Version ${version}: where cases wait now` : `Version ${version}: where they go`;
  return (
    <figure aria-label={caption}>
      <figcaption>{caption}</figcaption>
      {xml.error ? <ErrorMessage error={xml.error} onRetry={xml.reload} /> : null}
      {xml.data ? <MarkedDiagram xml={xml.data} markers={markers} selected={selected} badges={badges} onElementClick={onElementClick} testId={testId} /> : xml.error ? null : <Loading what={`version ${version}`} />}
    </figure>
  );
}

export interface MigrationDiagramsProps {
  definitionId: string;
  fromVersion: number;
  toVersion: number;
  sources: readonly MappableElement[];
  targets: readonly MappableElement[];
  selectedSource: string | undefined;
  selectedTarget: string | undefined;
  /** Cases waiting at each step of the old version, once a preview has counted them. */
  casesAt: ReadonlyMap<string, number> | undefined;
  /** A click on a step of the old version where a case can wait chooses its row. */
  onSelectSource(sourceId: string): void;
}

export function MigrationDiagrams({ definitionId, fromVersion, toVersion, sources, targets, selectedSource, selectedTarget, casesAt, onSelectSource }: MigrationDiagramsProps) {
  const badges = useMemo(() => new Map([...(casesAt ?? [])].map(([id, count]) => [id, { text: String(count), label: `${count} case${count === 1 ? '' : 's'} waiting here` }])), [casesAt]);
  const sourceIds = useMemo(() => new Set(sources.map((element) => element.id)), [sources]);
  const chooseSource = (elementId: string) => {
    if (sourceIds.has(elementId)) onSelectSource(elementId);
  };
  return (
    <div className="diff-columns migration-diagrams">
      <VersionDiagram definitionId={definitionId} version={fromVersion} role="source" elements={sources} selected={selectedSource} badges={badges} onElementClick={chooseSource} testId="migration-source-diagram" />
      <VersionDiagram definitionId={definitionId} version={toVersion} role="target" elements={targets} selected={selectedTarget} testId="migration-target-diagram" />
    </div>
  );
}
