// The process, version and filter picker. Applying it rewrites the address, so the view can be
// bookmarked; changing the process applies at once (its versions differ).
import { useEffect, useState, type FormEvent } from 'react';
import { hrefFor, navigate } from '../../../shared/routing/hash-route.ts';
import { filterToQuery, outcomes, type InsightsFilter } from '../lib/insights-filter.ts';

export interface ProcessOption {
  id: string;
  name: string;
}

/** The process picker; choosing a process applies at once. */
export function ProcessSelect({ value, processes, onChange }: { value: string; processes: ProcessOption[]; onChange: (definitionId: string) => void }) {
  return (
    <>
      <label htmlFor="insights-process">Process</label>
      <select id="insights-process" value={value} onChange={(e) => onChange(e.target.value)}>
        {processes.map((process) => (
          <option key={process.id} value={process.id}>
            {process.name}
          </option>
        ))}
      </select>
    </>
  );
}

export function InsightsFilters({ filter, processes, versions, teams }: { filter: InsightsFilter; processes: ProcessOption[]; versions: number[]; teams: string[] }) {
  const [draft, setDraft] = useState(filter);
  useEffect(() => setDraft(filter), [JSON.stringify(filter)]);
  const go = (next: InsightsFilter) => navigate(hrefFor(['insights'], filterToQuery(next)));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    go(draft);
  };
  const set = (change: Partial<InsightsFilter>) => setDraft({ ...draft, ...change });

  return (
    <form className="filters insights-filters" onSubmit={apply} aria-label="Insights filters">
      <ProcessSelect value={filter.definitionId ?? ''} processes={processes} onChange={(definitionId) => go({ ...draft, definitionId: definitionId || undefined, version: undefined })} />
      <label htmlFor="insights-version">Version</label>
      <select id="insights-version" value={draft.version ?? ''} onChange={(e) => set({ version: e.target.value ? Number(e.target.value) : undefined })}>
        <option value="">All versions</option>
        {versions.map((version) => (
          <option key={version} value={version}>
            Version {version}
          </option>
        ))}
      </select>
      <label htmlFor="insights-from">Cases started from</label>
      <input id="insights-from" type="date" value={draft.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
      <label htmlFor="insights-to">to</label>
      <input id="insights-to" type="date" value={draft.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
      <label htmlFor="insights-team">Team</label>
      <select id="insights-team" value={draft.team ?? ''} onChange={(e) => set({ team: e.target.value || undefined })}>
        <option value="">All teams</option>
        {[...new Set([...teams, ...(draft.team ? [draft.team] : [])])].map((team) => (
          <option key={team} value={team}>
            {team}
          </option>
        ))}
      </select>
      <label htmlFor="insights-outcome">Outcome</label>
      <select id="insights-outcome" value={draft.outcome ?? ''} onChange={(e) => set({ outcome: (e.target.value || undefined) as InsightsFilter['outcome'] })}>
        <option value="">Any</option>
        {outcomes.map((outcome) => (
          <option key={outcome} value={outcome}>
            {outcome}
          </option>
        ))}
      </select>
      <label htmlFor="insights-time">Count time as</label>
      <select id="insights-time" value={draft.time} onChange={(e) => set({ time: e.target.value as InsightsFilter['time'] })}>
        <option value="calendar">Calendar time</option>
        <option value="working">Working time (London working days)</option>
      </select>
      <label htmlFor="insights-period">Throughput per</label>
      <select id="insights-period" value={draft.period} onChange={(e) => set({ period: e.target.value as InsightsFilter['period'] })}>
        <option value="week">Week</option>
        <option value="day">Day</option>
      </select>
      <button type="submit">Apply filters</button>
    </form>
  );
}
