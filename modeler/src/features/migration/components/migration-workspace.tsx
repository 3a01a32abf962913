// Planning a migration between two chosen versions: the two diagrams, the proposed mapping to check
// and edit, the preview of what it would do to each running case, and the button that runs it.
// Editing the mapping drops an earlier preview: a preview always describes the mapping on screen.
import { useMemo, useState } from 'react';
import type { MigrationProposal } from '../../../../../domain/contract/migration.ts';
import { planFrom, rowsFromProposal, withTarget, type MappingRow } from '../lib/mapping-rows.ts';
import { casesWaitingAt } from '../lib/cases-waiting.ts';
import { usePreviewMigration } from '../api/preview-migration.ts';
import { MappingTable } from './mapping-table.tsx';
import { MigrationDiagrams } from './migration-diagrams.tsx';
import { PreviewTable } from './preview-table.tsx';
import { MigrateControl } from './migrate-control.tsx';
import { ProblemMessage } from './problem-message.tsx';

export function MigrationWorkspace({ proposal }: { proposal: MigrationProposal }) {
  const { definitionId, fromVersion, toVersion } = proposal;
  const [rows, setRows] = useState<MappingRow[]>(() => rowsFromProposal(proposal));
  const [selected, setSelected] = useState<string>();
  const preview = usePreviewMigration(definitionId);
  const sources = useMemo(() => new Map(proposal.sources.map((element) => [element.id, element])), [proposal.sources]);
  const targets = useMemo(() => new Map(proposal.targets.map((element) => [element.id, element])), [proposal.targets]);
  const casesAt = useMemo(() => (preview.data ? casesWaitingAt(preview.data) : undefined), [preview.data]);
  const migratable = useMemo(() => preview.data?.cases.filter((item) => item.migratable).map((item) => item.caseId) ?? [], [preview.data]);
  const edited = rows.filter((row) => row.reason === 'edited').length;
  const unmapped = rows.filter((row) => row.target === null).length;

  function change(sourceId: string, target: string | null) {
    setRows((current) => withTarget(current, sourceId, target));
    preview.reset();
  }

  function reset() {
    setRows(rowsFromProposal(proposal));
    preview.reset();
  }

  return (
    <>
      <p>
        {proposal.runningCases} case{proposal.runningCases === 1 ? ' is' : 's are'} running on version {fromVersion}.{' '}
        <span className="muted">Choose a step in the table, or on the left diagram, to see it on both.</span>
      </p>
      <MigrationDiagrams
        definitionId={definitionId}
        fromVersion={fromVersion}
        toVersion={toVersion}
        sources={proposal.sources}
        targets={proposal.targets}
        selectedSource={selected}
        selectedTarget={rows.find((row) => row.source.id === selected)?.target ?? undefined}
        casesAt={casesAt}
        onSelectSource={setSelected}
      />
      <p className="legend">
        <span className="legend-item migration-source">a case can wait here (version {fromVersion})</span>
        <span className="legend-item migration-target">a case can go here (version {toVersion})</span>
        <span className="legend-item diagram-selected">the chosen step</span>
      </p>
      <div className="migration-section-head">
        <h2>Mapping</h2>
        <span className="muted">
          {rows.length} step{rows.length === 1 ? '' : 's'}, {edited} edited, {unmapped} without a target
        </span>
        <button type="button" onClick={reset} disabled={edited === 0}>
          Back to the proposal
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="status status-empty">Version {fromVersion} has no step where a case can wait.</p>
      ) : (
        <MappingTable rows={rows} targets={proposal.targets} fromVersion={fromVersion} toVersion={toVersion} selected={selected} casesAt={casesAt} onSelect={setSelected} onChange={change} />
      )}
      <div className="toolbar migration-actions">
        <button type="button" onClick={() => preview.mutate(planFrom(rows, fromVersion, toVersion))} disabled={preview.isPending}>
          {preview.isPending ? 'Previewing…' : 'Preview'}
        </button>
        {preview.data ? <MigrateControl definitionId={definitionId} plan={planFrom(rows, fromVersion, toVersion, migratable)} count={migratable.length} /> : <span className="muted">Preview the mapping to see what it would do before migrating.</span>}
      </div>
      {preview.error ? <ProblemMessage error={preview.error} /> : null}
      {preview.data ? <PreviewTable preview={preview.data} sources={sources} targets={targets} /> : null}
    </>
  );
}
