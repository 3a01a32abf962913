// Insights from the analytical store: a kept log's directly-follows graph with durations (filtered by case-start days and team), its variants and rework, handoffs and waiting vs working, read from aggregates rather than every event.
import type { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../services/database.ts';
import { keptLogDfg, keptLogHandoffs, keptLogReport, keptLogTimeSplit } from '../../services/insight-aggregates.ts';
import { notFound } from '../problems/problem.ts';
import type { RouteTable } from '../routes/route.ts';
import type { UserRecord } from '../../services/accounts.ts';
import { AggregateCaseQuery, AggregatedDfg, AggregatedHandoffs, AggregatedReport, AggregatedTimeSplit, AggregateQuery, AggregateReportQuery } from '../../domain/contract/insight-aggregates.ts';

const tag = 'insights';
const rule = 'insights.logs';
const LogParams = z.object({ logId: z.uuid('An imported log id is a UUID, as POST /api/insights/logs returned it') });

/** A route answering from one kept log's aggregates: 404 when the log is not there or not the caller's. */
function keptLogRoute<Q extends z.ZodType>(
  table: RouteTable,
  router: Router,
  spec: { path: string; query: Q; response: z.ZodType; summary: string },
  read: (user: UserRecord, logId: string, query: z.output<Q>) => Promise<unknown>,
): void {
  table.add(router, { method: 'get', tag, rule, params: LogParams, ...spec }, async ({ user, params, query }) => {
    const answer = await read(user, params.logId, query as z.output<Q>);
    if (!answer) throw notFound(`Imported log ${params.logId}`);
    return answer;
  });
}

export function aggregateRoutes(table: RouteTable, router: Router, db: Database): void {
  keptLogRoute(
    table, router,
    {
      path: '/insights/logs/:logId/dfg', query: AggregateQuery, response: AggregatedDfg,
      summary: "A kept log's directly-follows graph with counts and durations (mean, standard deviation, min, max) from its aggregates: cases started on the days [from, to), and with team only that team's events",
    },
    (user, logId, query) => keptLogDfg(db, user, logId, query),
  );
  keptLogRoute(
    table, router,
    {
      path: '/insights/logs/:logId/variants', query: AggregateReportQuery, response: AggregatedReport,
      summary: "A kept log's variants (with exact case-duration figures) and rework from its aggregates: cases started on the days [from, to)",
    },
    (user, logId, query) => keptLogReport(db, user, logId, { ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) }, query),
  );
  keptLogRoute(
    table, router,
    {
      path: '/insights/logs/:logId/handoffs', query: AggregateCaseQuery, response: AggregatedHandoffs,
      summary: "A kept log's handoffs between teams (count, taken up, overdue) with the delay until the receiving team took the case up, from its aggregates: cases started on the days [from, to)",
    },
    (user, logId, query) => keptLogHandoffs(db, user, logId, query),
  );
  keptLogRoute(
    table, router,
    {
      path: '/insights/logs/:logId/time-split', query: AggregateCaseQuery, response: AggregatedTimeSplit,
      summary: "A kept log's waiting vs working per step (waiting: ready to claim; processing: claim to completion; sojourn: ready to completion) from its aggregates: cases started on the days [from, to)",
    },
    (user, logId, query) => keptLogTimeSplit(db, user, logId, query),
  );
}
