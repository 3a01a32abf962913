// Insights: the bottleneck report of a definition's cases, the at-risk list, log exports (CSV, XES,
// OCEL 2.0) and the analysis of a log imported from elsewhere, checked against the diagram.
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../services/database.ts';
import { processDiagram, processLog } from '../../services/insights.ts';
import { analyseLog } from '../../domain/insights/analyse.ts';
import { BottleneckReport } from '../../domain/insights/report.ts';
import { checkConformance, type ConformanceReport } from '../../domain/insights/conformance.ts';
import { compareLog, ReportComparison } from '../../domain/insights/compare.ts';
import { importCsv } from '../../domain/insights/formats/csv-import.ts';
import { importXes } from '../../domain/insights/formats/xes-import.ts';
import { exportCsv } from '../../domain/insights/formats/csv-export.ts';
import { exportXes } from '../../domain/insights/formats/xes-export.ts';
import { exportOcel } from '../../domain/insights/formats/ocel-export.ts';
import { atRiskVisibleTo } from '../access/access-policy.ts';
import { currentUser } from '../identity/sessions.ts';
import { notFound, Problem } from '../problems/problem.ts';
import { RouteTable } from '../routes/route.ts';
import { aggregateRoutes } from './aggregate-routes.ts';
import { DefinitionId } from '../../domain/contract/request-fields.ts';
import { AtRiskList, AtRiskQuery, ComparisonQuery, ImportedLog, ImportLogRequest, InsightsReportQuery, ProcessLogQuery } from '../../domain/contract/insights.ts';
import { importedLogRoutes } from './imported-logs-routes.ts';
import { keptLogObjectRoutes } from './kept-log-object-routes.ts';
import { simulationRoutes } from './simulation-routes.ts';

/** The largest log accepted by POST /insights/import, in bytes of UTF-8. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const ImportBody = ImportLogRequest.extend({ definitionId: DefinitionId.optional() });

const tag = 'insights';

/** Declares the insights routes on Casemap's route table (for `createCasemapApp({ extraRoutes })`). */
export function insightsRoutes(table: RouteTable, router: Router, db: Database): void {
  const logOf = async (query: z.infer<typeof ProcessLogQuery>) => {
    const log = await processLog(db, query);
    if (!log) throw notFound(`Process ${query.definitionId}${query.version === undefined ? '' : ` version ${query.version}`}`);
    return log;
  };

  table.add(router, { method: 'get', path: '/insights/report', summary: 'The bottleneck report of a process', tag, rule: 'insights.read', query: InsightsReportQuery, response: BottleneckReport }, async ({ query }) => {
    const { deployed, events } = await logOf(query);
    return analyseLog(events, {
      now: new Date().toISOString(),
      time: query.time,
      period: query.period,
      ir: deployed.ir,
      filter: { ...(query.team ? { team: query.team } : {}), ...(query.outcome ? { outcome: query.outcome } : {}) },
    });
  });

  table.add(
    router,
    { method: 'get', path: '/insights/compare', summary: 'Compare two periods or two versions of a process, step by step', tag, rule: 'insights.read', query: ComparisonQuery, response: ReportComparison },
    async ({ query }) => {
      const { deployed, events } = await logOf({ definitionId: query.definitionId });
      const side = (version: number | undefined, from: string | undefined, to: string | undefined) => ({
        ...(version === undefined ? {} : { version }),
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
      });
      return compareLog(events, side(query.baseVersion, query.baseFrom, query.baseTo), side(query.otherVersion, query.otherFrom, query.otherTo), {
        now: new Date().toISOString(),
        time: query.time,
        ir: deployed.ir,
        filter: { ...(query.team ? { team: query.team } : {}), ...(query.outcome ? { outcome: query.outcome } : {}) },
      });
    },
  );

  table.add(
    router,
    {
      method: 'get', path: '/insights/at-risk', summary: 'Open cases that will miss a deadline at the current pace', tag,
      rule: 'insights.at-risk',
      query: AtRiskQuery, response: AtRiskList,
    },
    async ({ query, user }) => {
      const { deployed, events } = await logOf({ definitionId: query.definitionId });
      const report = analyseLog(events, { now: new Date().toISOString(), ir: deployed.ir });
      let items = report.atRisk;
      if (query.team) items = items.filter((item) => item.team === query.team || item.scope === 'case');
      return { items: await atRiskVisibleTo(db, user, query.definitionId, items) };
    },
  );

  const exports = [
    { ext: 'csv', type: 'text/csv; charset=utf-8', write: exportCsv },
    { ext: 'xes', type: 'application/xml; charset=utf-8', write: exportXes },
    { ext: 'ocel.json', type: 'application/json; charset=utf-8', write: (events: Parameters<typeof exportCsv>[0]) => JSON.stringify(exportOcel(events)) },
  ] as const;
  for (const format of exports) {
    table.add(
      router,
      { method: 'get', path: `/insights/export.${format.ext}`, summary: `A process's case log as ${format.ext.toUpperCase()}`, tag, rule: 'insights.read', query: ProcessLogQuery, produces: format.type.split(';')[0] },
      async ({ query, res }) => {
        const { events } = await logOf(query);
        res.attachment(`${query.definitionId}-case-log.${format.ext}`).type(format.type).send(format.write(events));
        return undefined;
      },
    );
  }

  table.add(
    router,
    { method: 'post', path: '/insights/import', summary: 'Analyse an event log from another system (CSV or XES), checked against a process', tag, rule: 'insights.read', body: ImportBody, response: ImportedLog },
    async ({ body }) => {
      const bytes = new TextEncoder().encode(body.content).length;
      if (bytes > MAX_IMPORT_BYTES) {
        throw new Problem('payload-too-large', `The log in "content" is ${(bytes / 1048576).toFixed(1)} MB; at most 20 MB is accepted. Split it by period and import each part.`, [{ field: 'body.content', message: 'at most 20 MB' }]);
      }
      const imported = body.format === 'csv' ? importCsv(body.content, body.mapping ?? {}, body.definitionId ? { definitionId: body.definitionId } : {}) : importXes(body.content, body.definitionId ? { definitionId: body.definitionId } : {});
      if (!imported.ok) {
        throw new Problem('invalid-request', `The ${body.format.toUpperCase()} log cannot be read: ${imported.problem.message}`, [{ field: 'body.content', code: imported.problem.code, message: imported.problem.message }]);
      }
      let conformance: ConformanceReport | null = null;
      let ir;
      if (body.definitionId) {
        const deployed = await processDiagram(db, body.definitionId);
        if (!deployed) throw notFound(`Process ${body.definitionId}`);
        ir = deployed.ir;
        conformance = checkConformance(imported.events, ir);
      }
      // Imported logs are history: "now" is their last event, so nothing in them is judged against today.
      const last = imported.events.reduce((max, event) => (event.at > max ? event.at : max), imported.events[0]?.at ?? new Date(0).toISOString());
      const report = analyseLog(imported.events, { now: last, time: body.time, ...(ir ? { ir } : {}) });
      return { imported: { cases: imported.cases, events: imported.events.length, skippedRows: imported.skipped }, report, conformance };
    },
  );
  importedLogRoutes(table, router, db);
  keptLogObjectRoutes(table, router, db);
  aggregateRoutes(table, router, db);
  simulationRoutes(table, router, db);
}

/**
 * The insights routes as one express Router, for an app that authenticates upstream and sets
 * `req.user` (as the tests do). Casemap's own app mounts `insightsRoutes` on its route table instead.
 */
export function insightsRouter(db: Database): Router {
  const router = Router();
  const table = new RouteTable(
    {
      user: async (req) => currentUser(req),
      apiKey: async () => {
        throw new Problem('unauthenticated', 'Insights take a signed-in user, not an API key.');
      },
    },
    { once: async (_owner, _key, _route, _body, run) => run() },
  );
  insightsRoutes(table, router, db);
  return router;
}
