// Did a change help? Compares two versions, or two periods of case starts, step by step.
import { useState, type FormEvent } from 'react';
import { ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import { useComparison, type ComparisonRequest } from '../api/get-comparison.ts';
import { comparisonTable } from '../lib/figure-tables.ts';
import { formatDelta, formatRate } from '../lib/format-figures.ts';
import { endOfDay, startOfDay, type InsightsFilter } from '../lib/insights-filter.ts';
import { FigureTableView } from './figure-table.tsx';

type Mode = 'versions' | 'periods';

function VersionSelect({ id, label, versions, value, onChange }: { id: string; label: string; versions: number[]; value: string; onChange: (value: string) => void }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} required>
        {versions.map((version) => (
          <option key={version} value={version}>
            Version {version}
          </option>
        ))}
      </select>
    </>
  );
}

const instant = (day: string, edge: typeof startOfDay) => (day ? edge(day) : undefined);

export function ComparePanel({ definitionId, versions, filter }: { definitionId: string; versions: number[]; filter: InsightsFilter }) {
  const [mode, setMode] = useState<Mode>(versions.length > 1 ? 'versions' : 'periods');
  const [sides, setSides] = useState({ baseVersion: String(versions.at(-2) ?? ''), otherVersion: String(versions.at(-1) ?? ''), baseFrom: '', baseTo: '', otherFrom: '', otherTo: '' });
  // What was last submitted, with how its two sides are named; the cache holds the answers.
  const [asked, setAsked] = useState<{ request: ComparisonRequest; names: [string, string] }>();
  const comparison = useComparison(asked?.request, { team: filter.team, outcome: filter.outcome, time: filter.time });
  const result = asked ? comparison.data : undefined;
  const set = (change: Partial<typeof sides>) => setSides({ ...sides, ...change });

  const compare = (event: FormEvent) => {
    event.preventDefault();
    const request: ComparisonRequest =
      mode === 'versions'
        ? { kind: 'versions', definitionId, baseVersion: Number(sides.baseVersion), otherVersion: Number(sides.otherVersion) }
        : { kind: 'periods', definitionId, baseFrom: instant(sides.baseFrom, startOfDay), baseTo: instant(sides.baseTo, endOfDay), otherFrom: instant(sides.otherFrom, startOfDay), otherTo: instant(sides.otherTo, endOfDay) };
    const names: [string, string] =
      mode === 'versions' ? [`version ${sides.baseVersion}`, `version ${sides.otherVersion}`] : [`${sides.baseFrom || '…'} to ${sides.baseTo || '…'}`, `${sides.otherFrom || '…'} to ${sides.otherTo || '…'}`];
    setAsked({ request, names });
  };

  return (
    <div className="compare-panel">
      <form onSubmit={compare} aria-label="Compare two versions or periods" className="compare-form">
        <fieldset className="inline-fieldset">
          <legend>Compare</legend>
          <label className="inline">
            <input type="radio" name="compare-mode" checked={mode === 'versions'} onChange={() => setMode('versions')} /> two versions
          </label>
          <label className="inline">
            <input type="radio" name="compare-mode" checked={mode === 'periods'} onChange={() => setMode('periods')} /> two periods
          </label>
        </fieldset>
        {mode === 'versions' ? (
          <div className="filters">
            <VersionSelect id="compare-base-version" label="Before" versions={versions} value={sides.baseVersion} onChange={(baseVersion) => set({ baseVersion })} />
            <VersionSelect id="compare-other-version" label="After" versions={versions} value={sides.otherVersion} onChange={(otherVersion) => set({ otherVersion })} />
          </div>
        ) : (
          <div className="filters">
            <label htmlFor="compare-base-from">Before: cases started from</label>
            <input id="compare-base-from" type="date" value={sides.baseFrom} onChange={(e) => set({ baseFrom: e.target.value })} />
            <label htmlFor="compare-base-to">to</label>
            <input id="compare-base-to" type="date" value={sides.baseTo} onChange={(e) => set({ baseTo: e.target.value })} />
            <label htmlFor="compare-other-from">After: from</label>
            <input id="compare-other-from" type="date" value={sides.otherFrom} onChange={(e) => set({ otherFrom: e.target.value })} />
            <label htmlFor="compare-other-to">to</label>
            <input id="compare-other-to" type="date" value={sides.otherTo} onChange={(e) => set({ otherTo: e.target.value })} />
          </div>
        )}
        <button type="submit">Compare</button>
      </form>
      {asked && comparison.loading ? <Loading what="the comparison" /> : null}
      {asked && comparison.error ? <ErrorMessage error={comparison.error} onRetry={comparison.reload} /> : null}
      {result && asked && !comparison.loading && !comparison.error ? (
        <div role="status" aria-live="polite">
          <p>
            {result.cases.base} cases in {asked.names[0]}, {result.cases.other} in {asked.names[1]}. SLA breach rate{' '}
            {formatRate(result.overallBreachRate.base)} → {formatRate(result.overallBreachRate.other)} ({formatDelta(result.overallBreachRate.delta, formatRate)}).
          </p>
          <FigureTableView table={comparisonTable(result, asked.names[0], asked.names[1])} filePrefix={definitionId} empty="Neither side has any measured step." />
        </div>
      ) : null}
    </div>
  );
}
