// Insights: where a process's cases wait and work, on the diagram the analyst knows, with charts,
// tables (each downloadable as CSV), the cases at risk, comparisons, log import and export.
// Team leads (who may not read the whole report) see the cases at risk for their teams.
import { useMemo, useState } from 'react';
import type { BottleneckReport } from '../../../../../domain/insights/report.ts';
import { query } from '../../../shared/api/http.ts';
import { Empty, ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import { hrefFor, navigate, type Route } from '../../../shared/routing/hash-route.ts';
import { useSession } from '../../../shared/session/session-context.ts';
import { hasRole } from '../../../shared/session/user.ts';
import { useAtRisk } from '../api/get-at-risk.ts';
import { useProcesses, useVersions } from '../api/get-processes.ts';
import { useReport } from '../api/get-report.ts';
import { useVersionBpmn } from '../../../shared/api/get-version-bpmn.ts';
import { durationDistribution, throughputOverTime, variantBars } from '../lib/chart-data.ts';
import { elementsTable, handoffsTable, reworkTable, variantsTable } from '../lib/figure-tables.ts';
import { formatDuration, formatRate } from '../lib/format-figures.ts';
import { heatmap, heatmapMeasures, measureExplanations, measureLabels, type HeatmapMeasure } from '../lib/heatmap.ts';
import { filterFromQuery, reportQuery, type InsightsFilter } from '../lib/insights-filter.ts';
import { AtRiskList } from './at-risk-list.tsx';
import { ComparePanel } from './compare-panel.tsx';
import { WhatIfPanel } from './what-if-panel.tsx';
import { FigureTableView } from './figure-table.tsx';
import { HeatmapDiagram } from './heatmap-diagram.tsx';
import { ImportLogPanel } from './import-log-panel.tsx';
import { KeptLogsPanel } from './kept-logs-panel.tsx';
import { InsightsChart } from './insights-chart.tsx';
import { InsightsFilters, ProcessSelect, type ProcessOption } from './insights-filters.tsx';
import './insights.css';

export default function InsightsPage({ route }: { route: Route }) {
  const { user } = useSession();
  const processes = useProcesses();
  const filter = filterFromQuery(route.query);
  const options: ProcessOption[] = (processes.data?.items ?? []).filter((p) => p.latestVersion).map((p) => ({ id: p.id, name: p.name || p.id }));
  const definitionId = filter.definitionId ?? options[0]?.id;

  return (
    <section className="insights">
      <header className="page-head">
        <h1>Insights</h1>
        <nav aria-label="Insights views" className="tabs">
          <a className="tab active" href="#/insights" aria-current="page">
            Bottlenecks
          </a>
          <a className="tab" href="#/insights/duplication">
            Duplication
          </a>
        </nav>
      </header>
      {processes.error ? <ErrorMessage error={processes.error} onRetry={processes.reload} /> : null}
      {!processes.data && !processes.error ? <Loading what="processes" /> : null}
      {processes.data && !definitionId ? <Empty>No process is deployed yet. Deploy one in the Designer, run some cases, and come back.</Empty> : null}
      {definitionId && !options.some((o) => o.id === definitionId) && processes.data ? <Empty>There is no deployed process “{definitionId}”. Pick one below.</Empty> : null}
      {definitionId ? (
        hasRole(user, 'analyst', 'admin') ? (
          <BottleneckView filter={{ ...filter, definitionId }} options={options} />
        ) : (
          <TeamAtRisk definitionId={definitionId} options={options} teams={user.leadOf.length > 0 ? user.leadOf : user.teams} />
        )
      ) : null}
    </section>
  );
}

function TeamAtRisk({ definitionId, options, teams }: { definitionId: string; options: ProcessOption[]; teams: string[] }) {
  const atRisk = useAtRisk(definitionId, undefined);
  return (
    <section aria-labelledby="at-risk-heading">
      <div className="filters">
        <ProcessSelect value={definitionId} processes={options} onChange={(id) => navigate(hrefFor(['insights'], { definitionId: id }))} />
      </div>
      <h2 id="at-risk-heading">Cases at risk for {teams.join(', ') || 'your teams'}</h2>
      {atRisk.error ? <ErrorMessage error={atRisk.error} onRetry={atRisk.reload} /> : null}
      {!atRisk.data && !atRisk.error ? <Loading what="cases at risk" /> : null}
      {atRisk.data ? <AtRiskList items={atRisk.data.items} /> : null}
    </section>
  );
}

function teamsOf(report: BottleneckReport | undefined): string[] {
  if (!report) return [];
  const teams = new Set<string>();
  for (const element of report.elements) if (element.team) teams.add(element.team);
  for (const handoff of report.handoffs) teams.add(handoff.fromTeam).add(handoff.toTeam);
  return [...teams].sort();
}

function BottleneckView({ filter, options }: { filter: InsightsFilter & { definitionId: string }; options: ProcessOption[] }) {
  const report = useReport(filter);
  const versions = useVersions(filter.definitionId);
  const versionNumbers = (versions.data?.items ?? []).map((v) => v.version).sort((a, b) => a - b);
  const diagramVersion = filter.version ?? versionNumbers.at(-1);
  const processName = options.find((o) => o.id === filter.definitionId)?.name ?? filter.definitionId;
  const data = report.data;

  return (
    <>
      <InsightsFilters filter={filter} processes={options} versions={versionNumbers} teams={teamsOf(data)} />
      <nav aria-label="On this page" className="page-links">
        <a href="#insights-heatmap">Diagram</a> · <a href="#insights-charts">Charts</a> · <a href="#insights-at-risk">At risk</a> · <a href="#insights-tables">Tables</a> ·{' '}
        <a href="#insights-compare">Compare</a> · <a href="#insights-what-if">What if</a> · <a href="#insights-import">Import a log</a>
      </nav>
      {report.error ? <ErrorMessage error={report.error} onRetry={report.reload} /> : null}
      {!data && !report.error ? <Loading what="the bottleneck report" /> : null}
      {data ? (
        <div aria-busy={report.loading}>
          <Summary report={data} />
          {data.cases.total === 0 ? <Empty>No cases of {processName} match these filters yet. Run some cases, or widen the filters.</Empty> : null}
          <section id="insights-heatmap" aria-labelledby="heatmap-heading" tabIndex={-1}>
            <h2 id="heatmap-heading">Where cases wait and work</h2>
            {diagramVersion ? <Heatmap definitionId={filter.definitionId} version={diagramVersion} report={data} /> : null}
          </section>
          <Charts report={data} />
          <section id="insights-at-risk" aria-labelledby="at-risk-heading" tabIndex={-1}>
            <h2 id="at-risk-heading">Cases at risk of missing a deadline</h2>
            <AtRiskList items={data.atRisk} />
          </section>
          <section id="insights-tables" aria-labelledby="tables-heading" tabIndex={-1}>
            <h2 id="tables-heading">Tables</h2>
            <FigureTableView table={elementsTable(data)} filePrefix={filter.definitionId} empty="No step has run yet." />
            <FigureTableView table={handoffsTable(data)} filePrefix={filter.definitionId} empty="No case has changed team yet." />
            <FigureTableView table={reworkTable(data)} filePrefix={filter.definitionId} empty="No step has been completed yet." />
            <FigureTableView table={variantsTable(data)} filePrefix={filter.definitionId} empty="No case has completed a step yet." />
            <ExportLinks filter={filter} />
          </section>
        </div>
      ) : null}
      <section id="insights-compare" aria-labelledby="compare-heading" tabIndex={-1}>
        <h2 id="compare-heading">Compare versions or periods</h2>
        {versions.data ? <ComparePanel key={filter.definitionId} definitionId={filter.definitionId} versions={versionNumbers} filter={filter} /> : <Loading what="versions" />}
      </section>
      <section id="insights-what-if" aria-labelledby="what-if-heading" tabIndex={-1}>
        <h2 id="what-if-heading">What if: simulate staffing and changes before deploying</h2>
        <WhatIfPanel
          key={filter.definitionId}
          definitionId={filter.definitionId}
          teams={teamsOf(data)}
          steps={(data?.elements ?? []).filter((element) => element.kind === 'task').map(({ nodeId, name }) => ({ nodeId, name }))}
          names={Object.fromEntries((data?.elements ?? []).map(({ nodeId, name }) => [nodeId, name]))}
        />
      </section>
      <section id="insights-import" aria-labelledby="import-heading" tabIndex={-1}>
        <h2 id="import-heading">Analyse a log from another system</h2>
        <ImportLogPanel definitionId={filter.definitionId} processName={processName} time={filter.time} />
      </section>
      <section id="insights-kept-logs" aria-labelledby="kept-logs-heading" tabIndex={-1}>
        <h2 id="kept-logs-heading">Kept logs and process discovery</h2>
        <KeptLogsPanel definitionId={filter.definitionId} processName={processName} />
      </section>
    </>
  );
}

function Summary({ report }: { report: BottleneckReport }) {
  const { cases } = report;
  const figures: [string, string][] = [
    ['Cases', String(cases.total)],
    ['Open', String(cases.open)],
    ['Completed', String(cases.completed)],
    ['Failed or cancelled', String(cases.failed + cases.cancelled)],
    ['Median case duration', formatDuration(report.caseDurations.duration.median)],
    ['SLA breach rate', formatRate(report.slaBreaches.overall.rate)],
    ['At risk', String(report.atRisk.length)],
  ];
  return (
    <dl className="summary-figures" aria-label={`Summary (${report.time === 'working' ? 'working time' : 'calendar time'})`}>
      {figures.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Heatmap({ definitionId, version, report }: { definitionId: string; version: number; report: BottleneckReport }) {
  const [measure, setMeasure] = useState<HeatmapMeasure>('waiting');
  const xml = useVersionBpmn(definitionId, version);
  const cells = useMemo(() => heatmap(report, measure), [report, measure]);
  return (
    <>
      <fieldset className="inline-fieldset heat-toggles">
        <legend>Heat shows</legend>
        {heatmapMeasures.map((m) => (
          <label key={m} className="inline">
            <input type="radio" name="heat-measure" value={m} checked={measure === m} onChange={() => setMeasure(m)} /> {measureLabels[m]}
          </label>
        ))}
      </fieldset>
      {xml.error ? <ErrorMessage error={xml.error} onRetry={xml.reload} /> : null}
      {!xml.data && !xml.error ? <Loading what="the diagram" /> : null}
      {xml.data ? <HeatmapDiagram xml={xml.data} cells={cells} caption={`${measureLabels[measure]} on version ${version}: ${measureExplanations[measure]}`} /> : null}
    </>
  );
}

function Charts({ report }: { report: BottleneckReport }) {
  const variants = variantBars(report.variants);
  return (
    <section id="insights-charts" aria-labelledby="charts-heading" tabIndex={-1}>
      <h2 id="charts-heading">Charts</h2>
      <div className="chart-grid">
        <InsightsChart title="Case duration distribution (ended cases)" data={durationDistribution(report.caseDurations)} kind="bars" testId="duration-chart" />
        <InsightsChart title={`Throughput and work in progress per ${report.throughput.period}`} data={throughputOverTime(report.throughput)} kind="bars-and-line" testId="throughput-chart" />
        <InsightsChart title="Most frequent variants" data={variants} kind="horizontal-bars" tooltipTitles={variants.fullNames} testId="variants-chart" />
      </div>
    </section>
  );
}

function ExportLinks({ filter }: { filter: InsightsFilter & { definitionId: string } }) {
  const { definitionId, version, from, to } = reportQuery(filter);
  const params = query({ definitionId, version, from, to });
  return (
    <p className="export-links">
      Export the case log for PM4Py, ProM or Celonis: <a href={`/api/insights/export.csv${params}`} download>CSV</a> · <a href={`/api/insights/export.xes${params}`} download>XES</a> ·{' '}
      <a href={`/api/insights/export.ocel.json${params}`} download>OCEL 2.0</a>
    </p>
  );
}
