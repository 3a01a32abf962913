// The mapping as a table: each step of the old version where a case can wait, a choice of where a
// case there goes in the new version, and why the server proposed it. Edited rows are marked;
// choosing a row (its step button, or its target select) outlines both ends on the diagrams.
import type { MappableElement } from '../../../../../domain/contract/migration.ts';
import type { MappingRow } from '../lib/mapping-rows.ts';
import { elementText, REASON_TEXT } from '../lib/element-text.ts';

export interface MappingTableProps {
  rows: readonly MappingRow[];
  targets: readonly MappableElement[];
  fromVersion: number;
  toVersion: number;
  selected: string | undefined;
  /** Cases waiting at each source, once a preview has counted them. */
  casesAt: ReadonlyMap<string, number> | undefined;
  onSelect(sourceId: string): void;
  onChange(sourceId: string, target: string | null): void;
}

export function MappingTable({ rows, targets, fromVersion, toVersion, selected, casesAt, onSelect, onChange }: MappingTableProps) {
  const targetsById = new Map(targets.map((element) => [element.id, element]));
  return (
    <table className="data-table migration-mapping" data-testid="migration-mapping">
      <caption className="visually-hidden">
        Where a case waiting at each step of version {fromVersion} goes in version {toVersion}
      </caption>
      <thead>
        <tr>
          <th scope="col">Step in version {fromVersion}</th>
          {casesAt ? <th scope="col">Cases waiting</th> : null}
          <th scope="col">Goes to in version {toVersion}</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => {
          const isSelected = row.source.id === selected;
          const selectId = `migration-target-${index}`;
          const sourceText = elementText(row.source, row.source.id);
          return (
            <tr key={row.source.id} className={[isSelected ? 'is-selected' : '', row.reason === 'edited' ? 'is-edited' : '', row.target === null ? 'is-unmapped' : ''].filter(Boolean).join(' ')}>
              <th scope="row">
                <button type="button" className="link-button" aria-pressed={isSelected} onClick={() => onSelect(row.source.id)}>
                  {sourceText}
                </button>
              </th>
              {casesAt ? <td>{casesAt.get(row.source.id) ?? 0}</td> : null}
              <td>
                <label htmlFor={selectId} className="visually-hidden">
                  Target in version {toVersion} for {sourceText}
                </label>
                <select id={selectId} value={row.target ?? ''} onFocus={() => onSelect(row.source.id)} onChange={(event) => onChange(row.source.id, event.target.value || null)}>
                  <option value="">No target (cases here cannot migrate)</option>
                  {targets.map((target) => (
                    <option key={target.id} value={target.id}>
                      {elementText(target, target.id)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <span className={`badge migration-reason-${row.reason}`}>{REASON_TEXT[row.reason]}</span>
                {row.reason === 'edited' ? (
                  <span className="muted">
                    {' '}
                    proposed: {row.proposed ? elementText(targetsById.get(row.proposed), row.proposed) : 'no target'} ({REASON_TEXT[row.proposedReason].toLowerCase()})
                  </span>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
