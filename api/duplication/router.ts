// The duplication report over the latest deployed version of every definition and the event log:
// ranked clusters (JSON and CSV), per-element overlays for the Designer, and intended marks.
// `duplicationRoutes` declares the routes on the app's RouteTable (for `extraRoutes`);
// `duplicationRouter` mounts the same routes on their own, reading `req.user` as set upstream.
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Database } from '../../services/database.ts';
import { duplicationReport, isDeployed, markClusterIntended } from '../../services/duplication.ts';
import { recordAudit } from '../../services/audit.ts';
import { overlaysForDefinition } from '../../domain/duplication/element-overlays.ts';
import { reportCsv } from '../../domain/duplication/report-csv.ts';
import { DuplicationReport, IntendedMark } from '../../domain/duplication/types.ts';
import { currentUser } from '../identity/sessions.ts';
import { notFound, Problem } from '../problems/problem.ts';
import { RouteTable } from '../routes/route.ts';
import { DefinitionId } from '../../domain/contract/request-fields.ts';
import { DefinitionDuplication, DuplicationReportQuery, MarkedIntended } from '../../domain/contract/duplication.ts';

const IdParams = z.object({ id: DefinitionId });
const IntendedRequest = IntendedMark.strict();

export function duplicationRoutes(table: RouteTable, router: Router, db: Database): void {
  const tag = 'duplication';

  table.add(router, { method: 'get', path: '/duplication/report', summary: 'Duplicated work across the deployed processes, ranked by hours per month', tag, rule: 'duplication.read', query: DuplicationReportQuery, response: DuplicationReport }, async ({ query }) =>
    duplicationReport(db, query),
  );

  table.add(router, { method: 'get', path: '/duplication/report.csv', summary: 'The duplication clusters as CSV', tag, rule: 'duplication.read', query: DuplicationReportQuery, produces: 'text/csv' }, async ({ res, query }) => {
    res.type('text/csv; charset=utf-8').attachment('duplication-report.csv').send(reportCsv(await duplicationReport(db, query)));
  });

  table.add(router, { method: 'get', path: '/duplication/definitions/:id', summary: "Per element of one process: where else the same work is done (Designer overlays)", tag, rule: 'duplication.read', params: IdParams, query: DuplicationReportQuery, response: DefinitionDuplication }, async ({ params, query }) => {
    const report = await duplicationReport(db, query);
    if (!(await isDeployed(db, params.id))) throw notFound(`Process ${params.id}`);
    return { definitionId: params.id, elements: overlaysForDefinition(report, params.id) };
  });

  table.add(router, { method: 'post', path: '/duplication/intended', summary: 'Mark a duplication cluster as intended, with the reason', tag, rule: 'duplication.mark', body: IntendedRequest, response: MarkedIntended, successStatus: 201 }, async ({ req, user, body }) => {
    const report = await duplicationReport(db);
    if (![...report.clusters, ...report.intended].some((cluster) => cluster.key === body.clusterKey)) {
      await recordAudit(db, { actor: user.id, action: 'duplication.mark-intended', target: body.clusterKey, source: req.ip, outcome: 'refused', detail: { reason: 'unknown cluster' } });
      throw notFound(`Duplication cluster ${body.clusterKey} (use a key from GET /api/duplication/report)`);
    }
    await markClusterIntended(db, { ...body, markedBy: user.id });
    await recordAudit(db, { actor: user.id, action: 'duplication.mark-intended', target: body.clusterKey, source: req.ip, detail: { reason: body.reason } });
    return { clusterKey: body.clusterKey, reason: body.reason, markedBy: user.id };
  });
}

/** The duplication routes on a router of their own; `req.user` must be set by earlier middleware. */
export function duplicationRouter(db: Database): Router {
  const router = Router();
  const table = new RouteTable(
    {
      user: async (req: Request) => currentUser(req),
      apiKey: async () => {
        throw new Problem('forbidden', 'The duplication report is not open to API keys.');
      },
    },
    { once: async (_owner, _key, _route, _body, run) => run() },
  );
  duplicationRoutes(table, router, db);
  return router;
}
