// Kept event logs from other systems: streaming upload (XES, CSV or OCEL 2.0, gzipped or not), the object type an OCEL log is flattened by, list, delete, and the report, comparison, conformance and discovery of a kept log (and discovery of a process's own log).
import type { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../services/database.ts';
import { processDiagram, processLog } from '../../services/insights.ts';
import { analyseTraces } from '../../domain/insights/analyse.ts';
import { CaseOutcomeFilter } from '../../domain/insights/filters.ts';
import { BottleneckReport, TimeBasis } from '../../domain/insights/report.ts';
import { checkConformance, ConformanceReport } from '../../domain/insights/conformance.ts';
import { replayLog, VersionReplay } from '../../domain/insights/token-replay.ts';
import { compareLog, ReportComparison } from '../../domain/insights/compare.ts';
import { ImportedLogFormat, ImportedLogList, ImportedLogSummary } from '../../domain/insights/imported-log.ts';
import { DiscoveredProcessMap, DiscoveryOptions, discoverProcessMap } from '../../domain/insights/discovery/discover-process-map.ts';
import { processTreeToBpmn } from '../../domain/insights/discovery/process-tree-bpmn.ts';
import type { CaseLogEvent } from '../../domain/events/case-log-event.ts';
import { chooseLogObjectType, deleteLog, findLog, importLog, listLogs, logEvents, logTraces, maxLogBytes, type ImportFailure } from '../../services/imported-logs.ts';
import type { UserRecord } from '../../services/accounts.ts';
import { notFound, Problem } from '../problems/problem.ts';
import type { RouteTable } from '../routes/route.ts';
import { DefinitionId, Instant, VersionNumber } from '../../domain/contract/request-fields.ts';
import { KeptLogUploadQuery, LogObjectTypeBody } from '../../domain/contract/insights.ts';

const tag = 'insights';
const rule = 'insights.logs';

export const LogParams = z.object({ logId: z.uuid('An imported log id is a UUID, as POST /api/insights/logs returned it') });
const RangeQuery = z.object({ from: Instant.optional(), to: Instant.optional() });
const LogReportQuery = RangeQuery.extend({
  team: z.string().min(1).max(200).optional(),
  outcome: CaseOutcomeFilter.optional(),
  time: TimeBasis.default('calendar'),
  period: z.enum(['day', 'week']).default('week'),
});
const LogCompareQuery = z.object({
  baseFrom: Instant.optional(),
  baseTo: Instant.optional(),
  otherFrom: Instant.optional(),
  otherTo: Instant.optional(),
  time: TimeBasis.default('calendar'),
}).refine((q) => (q.baseFrom ?? q.baseTo) !== undefined && (q.otherFrom ?? q.otherTo) !== undefined, {
  message: 'Give a period for each side: baseFrom/baseTo and otherFrom/otherTo',
  path: ['baseFrom'],
});
const ConformanceQuery = z.object({ definitionId: DefinitionId, version: VersionNumber.optional() });
const LogDiscoveryQuery = RangeQuery.extend(DiscoveryOptions.shape);
const ProcessDiscoveryQuery = LogDiscoveryQuery.extend({ definitionId: DefinitionId, version: VersionNumber.optional() });

const statusOf: Record<ImportFailure['code'], 'invalid-request' | 'payload-too-large'> = {
  'payload-too-large': 'payload-too-large',
  'not-gzip': 'invalid-request',
  'invalid-csv': 'invalid-request',
  'invalid-xes': 'invalid-request',
  'invalid-ocel': 'invalid-request',
  'unknown-object-type': 'invalid-request',
  'invalid-timestamp': 'invalid-request',
  'missing-column': 'invalid-request',
  'empty-log': 'invalid-request',
};

function formatOf(query: z.infer<typeof KeptLogUploadQuery>, contentType: string | undefined): z.infer<typeof ImportedLogFormat> {
  if (query.format) return query.format;
  const name = (query.name ?? '').toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.xes')) return 'xes';
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.jsonocel') || name.endsWith('.json')) return 'jsonocel';
  if (name.endsWith('.xmlocel')) return 'xmlocel';
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/xml' || type === 'text/xml') return 'xes';
  if (type === 'text/csv') return 'csv';
  throw new Problem('invalid-request', 'Say which format the log is in: format=xes, csv, jsonocel or xmlocel (or a name ending .xes, .csv, .jsonocel, .json or .xmlocel, each also .gz).', [{ field: 'query.format', message: 'xes, csv, jsonocel or xmlocel' }]);
}

const acceptedTypes = new Set(['application/xml', 'text/xml', 'text/csv', 'application/gzip', 'application/x-gzip', 'application/octet-stream', 'text/plain']);

/** Declares the kept-log routes on Casemap's route table, beside the other insights routes. */
export function importedLogRoutes(table: RouteTable, router: Router, db: Database): void {
  const kept = async (user: UserRecord, logId: string, range: { from?: string; to?: string } = {}) => {
    const found = await logEvents(db, user, logId, range);
    if (!found) throw notFound(`Imported log ${logId}`);
    return found;
  };
  // A kept log is history: "now" is its last event, so nothing in it is judged against today.
  const lastOf = (events: readonly CaseLogEvent[]) => events.reduce((max, e) => (e.at > max ? e.at : max), events[0]?.at ?? new Date(0).toISOString());
  const discovery = async (events: readonly CaseLogEvent[], options: z.infer<typeof DiscoveryOptions>, name: string) => {
    const { tree, map } = discoverProcessMap(events, options);
    return { ...map, bpmn: await processTreeToBpmn(tree, { name }) };
  };

  table.add(
    router,
    {
      method: 'post', path: '/insights/logs', tag, rule, query: KeptLogUploadQuery, response: ImportedLogSummary, successStatus: 201,
      summary: 'Import and keep an event log from another system: the file itself as the body (XES or CSV, gzipped or not), read as it arrives',
    },
    async ({ req, query, user }) => {
      const type = (req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!acceptedTypes.has(type)) {
        throw new Problem('unsupported-media-type', `Send the log file itself as the body with Content-Type application/xml (XES, OCEL XML), text/csv, application/octet-stream (OCEL JSON) or application/gzip; "${type || 'no type'}" is not accepted (a log as a JSON string goes to POST /api/insights/import).`, [{ field: 'header.content-type', message: 'application/xml, text/csv, application/octet-stream or application/gzip' }]);
      }
      const format = formatOf(query, type);
      const limit = maxLogBytes();
      const length = Number(req.header('content-length'));
      if (Number.isFinite(length) && length > limit) {
        throw new Problem('payload-too-large', `The log is ${(length / 1024 ** 2).toFixed(0)} MB; at most ${(limit / 1024 ** 2).toFixed(0)} MB is accepted (CASEMAP_MAX_LOG_BYTES). Split it by period and import each part.`, [{ field: 'body', message: `at most ${limit} bytes` }]);
      }
      if (query.objectType !== undefined && format !== 'jsonocel' && format !== 'xmlocel') {
        throw new Problem('invalid-request', 'objectType flattens an OCEL log; an XES or CSV log already has its cases.', [{ field: 'query.objectType', message: 'only with format jsonocel or xmlocel' }]);
      }
      const { caseId, activity, timestamp, lifecycle, resource, team, delimiter } = query;
      const mapping = Object.fromEntries(Object.entries({ caseId, activity, timestamp, lifecycle, resource, team, delimiter }).filter(([, v]) => v !== undefined));
      const name = query.name ?? `${format.toUpperCase()} log imported ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`;
      const result = await importLog(db, { body: req, format, name, mapping, importedBy: user.id, maxBytes: limit, ...(query.objectType ? { objectType: query.objectType } : {}) });
      if (!result.ok) {
        const { code, message, ...where } = result.failure;
        const field = code === 'unknown-object-type' ? 'query.objectType' : 'body';
        throw new Problem(statusOf[code], `The log cannot be imported; nothing was kept. ${message}`, [{ field, code, message }], where);
      }
      return result.log;
    },
  );

  table.add(router, { method: 'get', path: '/insights/logs', summary: 'Imported logs the caller may see (their own; admins every one), newest first', tag, rule, response: ImportedLogList }, async ({ user }) => ({ logs: await listLogs(db, user) }));

  table.add(router, { method: 'get', path: '/insights/logs/:logId', summary: 'One imported log: its name, size and period', tag, rule, params: LogParams, response: ImportedLogSummary }, async ({ user, params }) => {
    const log = await findLog(db, user, params.logId);
    if (!log) throw notFound(`Imported log ${params.logId}`);
    return log;
  });

  table.add(
    router,
    { method: 'put', path: '/insights/logs/:logId/object-type', summary: 'Analyse a kept OCEL log by another object type: a second flattening from the kept rows, without a new upload', tag, rule, params: LogParams, body: LogObjectTypeBody, response: ImportedLogSummary },
    async ({ user, params, body }) => {
      const chosen = await chooseLogObjectType(db, user, params.logId, body.objectType);
      if (!chosen) throw notFound(`Imported log ${params.logId}`);
      if ('code' in chosen) throw new Problem('invalid-request', chosen.message, [{ field: 'body.objectType', code: chosen.code, message: chosen.message }]);
      return chosen;
    },
  );

  table.add(router, { method: 'delete', path: '/insights/logs/:logId', summary: 'Delete an imported log and its events', tag, rule, params: LogParams, successStatus: 204 }, async ({ user, params }) => {
    if (!(await deleteLog(db, user, params.logId))) throw notFound(`Imported log ${params.logId}`);
    return undefined;
  });

  table.add(router, { method: 'get', path: '/insights/logs/:logId/report', summary: 'The bottleneck report of an imported log', tag, rule, params: LogParams, query: LogReportQuery, response: BottleneckReport }, async ({ user, params, query }) => {
    // Read case by case, so a log of millions of events never sits in memory as events.
    const found = await logTraces(db, user, params.logId, query);
    if (!found) throw notFound(`Imported log ${params.logId}`);
    return analyseTraces(found.traces, {
      now: found.now,
      time: query.time,
      period: query.period,
      filter: { ...(query.team ? { team: query.team } : {}), ...(query.outcome ? { outcome: query.outcome } : {}) },
    });
  });

  table.add(router, { method: 'get', path: '/insights/logs/:logId/compare', summary: 'Compare two periods of an imported log, step by step', tag, rule, params: LogParams, query: LogCompareQuery, response: ReportComparison }, async ({ user, params, query }) => {
    const { events } = await kept(user, params.logId);
    const side = (from: string | undefined, to: string | undefined) => ({ ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
    return compareLog(events, side(query.baseFrom, query.baseTo), side(query.otherFrom, query.otherTo), { now: lastOf(events), time: query.time });
  });

  table.add(router, { method: 'get', path: '/insights/logs/:logId/conformance', summary: 'Check an imported log against a deployed process: steps it lacks and orders its flows do not allow', tag, rule, params: LogParams, query: ConformanceQuery, response: ConformanceReport }, async ({ user, params, query }) => {
    const { events } = await kept(user, params.logId);
    const deployed = await processDiagram(db, query.definitionId, query.version);
    if (!deployed) throw notFound(`Process ${query.definitionId}${query.version === undefined ? '' : ` version ${query.version}`}`);
    return checkConformance(events, deployed.ir);
  });

  table.add(
    router,
    {
      method: 'get', path: '/insights/logs/:logId/replay', tag, rule, params: LogParams, query: ConformanceQuery, response: VersionReplay,
      summary: "Replay an imported log on a deployed process version with tokens: the log's fitness and, per step, how often it was forced (move on log) or left waiting (move on model)",
    },
    async ({ user, params, query }) => {
      const { events } = await kept(user, params.logId);
      const deployed = await processDiagram(db, query.definitionId, query.version);
      if (!deployed) throw notFound(`Process ${query.definitionId}${query.version === undefined ? '' : ` version ${query.version}`}`);
      return { definitionId: query.definitionId, version: deployed.version, ...replayLog(events, deployed.ir) };
    },
  );

  table.add(router, { method: 'get', path: '/insights/logs/:logId/discovery', summary: 'Discover a process map from an imported log: thresholded directly-follows graph and a sound BPMN diagram to open in the Designer', tag, rule, params: LogParams, query: LogDiscoveryQuery, response: DiscoveredProcessMap }, async ({ user, params, query }) => {
    const { log, events } = await kept(user, params.logId, query);
    return discovery(events, query, log.name);
  });

  table.add(router, { method: 'get', path: '/insights/discovery', summary: "Discover a process map from a process's own case log (as it is really worked)", tag, rule: 'insights.read', query: ProcessDiscoveryQuery, response: DiscoveredProcessMap }, async ({ query }) => {
    const log = await processLog(db, { definitionId: query.definitionId, ...(query.version === undefined ? {} : { version: query.version }), ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) });
    if (!log) throw notFound(`Process ${query.definitionId}${query.version === undefined ? '' : ` version ${query.version}`}`);
    return discovery(log.events, query, `${query.definitionId} as worked`);
  });
}
