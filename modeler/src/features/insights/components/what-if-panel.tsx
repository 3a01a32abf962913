// What will a change do to our deadlines? A lead adds or takes away people per team, scales the
// arrivals or drops a step, and sees the simulated weeks side by side with the baseline.
import { useState, type FormEvent } from 'react';
import { ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import { useSimulation, type SimulationRequest } from '../api/simulate.ts';
import { endingsTable, outcomesTable, throughputSeries, utilisationTable, waitingTable, wipSeries } from '../lib/simulation-figures.ts';
import { FigureTableView } from './figure-table.tsx';
import { InsightsChart } from './insights-chart.tsx';

export interface WhatIfStep {
  nodeId: string;
  name: string;
}

/** `steps`: the user tasks a scenario may drop; `names`: every element's name, for the tables. */
export function WhatIfPanel({ definitionId, teams, steps, names }: { definitionId: string; teams: string[]; steps: WhatIfStep[]; names: Record<string, string> }) {
  const [weeks, setWeeks] = useState('12');
  const [name, setName] = useState('what if');
  const [staffChange, setStaffChange] = useState<Record<string, string>>({});
  const [arrivalsPercent, setArrivalsPercent] = useState('100');
  const [removed, setRemoved] = useState<string[]>([]);
  const [asked, setAsked] = useState<SimulationRequest>();
  const simulation = useSimulation(asked);
  const answer = asked ? simulation.data : undefined;
  const nameOf = (nodeId: string) => names[nodeId] ?? nodeId;

  const run = (event: FormEvent) => {
    event.preventDefault();
    const change = Object.fromEntries(Object.entries(staffChange).filter(([, value]) => value !== '' && Number(value) !== 0).map(([team, value]) => [team, Number(value)]));
    setAsked({ definitionId, weeks: Number(weeks), scenarios: [{ name: name.trim() || 'what if', staffChange: change, arrivalFactor: Number(arrivalsPercent) / 100, removedSteps: removed }] });
  };

  return (
    <div className="what-if-panel">
      <form onSubmit={run} aria-label="What-if scenario" className="compare-form">
        <div className="filters">
          <label htmlFor="what-if-name">Scenario name</label>
          <input id="what-if-name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
          <label htmlFor="what-if-weeks">Weeks to simulate</label>
          <input id="what-if-weeks" type="number" min={1} max={52} value={weeks} onChange={(e) => setWeeks(e.target.value)} required />
          <label htmlFor="what-if-arrivals">Arrivals (% of history)</label>
          <input id="what-if-arrivals" type="number" min={1} max={10000} value={arrivalsPercent} onChange={(e) => setArrivalsPercent(e.target.value)} required />
        </div>
        <fieldset className="inline-fieldset">
          <legend>People added (+) or taken away (−) per team</legend>
          {teams.map((team) => (
            <label key={team} className="inline">
              {team}{' '}
              <input type="number" min={-1000} max={1000} step={1} value={staffChange[team] ?? ''} placeholder="0" aria-label={`People added to ${team}`} onChange={(e) => setStaffChange({ ...staffChange, [team]: e.target.value })} />
            </label>
          ))}
        </fieldset>
        <fieldset className="inline-fieldset">
          <legend>Steps no longer done</legend>
          {steps.map((step) => (
            <label key={step.nodeId} className="inline">
              <input
                type="checkbox"
                checked={removed.includes(step.nodeId)}
                onChange={(e) => setRemoved(e.target.checked ? [...removed, step.nodeId] : removed.filter((id) => id !== step.nodeId))}
              />{' '}
              {step.name}
            </label>
          ))}
        </fieldset>
        <button type="submit">Simulate</button>
      </form>
      {asked && simulation.loading ? <Loading what="the simulation" /> : null}
      {asked && simulation.error ? <ErrorMessage error={simulation.error} onRetry={simulation.reload} /> : null}
      {answer && !simulation.loading && !simulation.error ? (
        <div role="status" aria-live="polite">
          <p>
            Fitted on {answer.fitted.cases} cases from {answer.fitted.from.slice(0, 10)} to {answer.fitted.to.slice(0, 10)}: {answer.fitted.arrivalsPerWorkingDay.toFixed(1)} new cases a working day;
            people seen per team: {Object.entries(answer.fitted.teamPeople).map(([team, people]) => `${team} ${people}`).join(', ') || 'none'}.
          </p>
          <FigureTableView table={outcomesTable(answer)} filePrefix={`${definitionId}-what-if`} empty="Nothing was simulated." />
          <div className="chart-grid">
            <InsightsChart title="Cases completed per simulated week" data={throughputSeries(answer)} kind="bars" testId="what-if-throughput" />
            <InsightsChart title="Cases open at the end of each simulated week" data={wipSeries(answer)} kind="bars" testId="what-if-wip" />
          </div>
          <FigureTableView table={waitingTable(answer, nameOf)} filePrefix={`${definitionId}-what-if`} empty="No step was worked on." />
          <FigureTableView table={endingsTable(answer, nameOf)} filePrefix={`${definitionId}-what-if`} empty="No case ended." />
          <FigureTableView table={utilisationTable(answer)} filePrefix={`${definitionId}-what-if`} empty="No team had work." />
        </div>
      ) : null}
    </div>
  );
}
