// Insights from the analytical store: a kept log's directly-follows graph with durations (filtered by case-start days and team), its variants and rework, handoffs and waiting vs working, read from aggregates rather than every event.
import type { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../services/database.ts';
import { keptLogDfg, keptLogHandoffs, keptLogReport, keptLogTimeSplit } from '../../services/insight-aggregates.ts';
import { notFound } from '../problems/problem.ts';
import type { RouteTable } from '../routes/route.ts';
import { AggregateCaseQuery, AggregatedDfg, AggregatedHandoffs, AggregatedReport, AggregatedTimeSplit, AggregateQuery, AggregateReportQuery } from '../../domain/contract/insight-aggregates.ts';

const tag = 'insights';
const rule = 'insights.logs';
const LogParams = z.object({ logId: z.uuid('An imported log id is a UUID, as POST /api/insights/logs returned it') });

export function aggregateRoutes(table: RouteTable, router: Router, db: Database): void {
  table.add(
    router,
    {
      method: 'get', path: '/insights/logs/:logId/dfg', tag, rule, params: LogParams, query: AggregateQuery, response: AggregatedDfg,
      summary: "A kept log's directly-follows graph with counts and durations (mean, standard deviation, min, max) from its aggregates: cases started on the days [from, to), and with team only that team's events",
    },
    async ({ user, params, query }) => {
      const dfg = await keptLogDfg(db, user, params.logId, query);
      if (!dfg) throw notFound(`Imported log ${params.logId}`);
      return dfg;
    },
  );

  table.add(
    router,
    {
      method: 'get', path: '/insights/logs/:logId/variants', tag, rule, params: LogParams, query: AggregateReportQuery, response: AggregatedReport,
      summary: "A kept log's variants (with exact case-duration figures) and rework from its aggregates: cases started on the days [from, to)",
    },
    async ({ user, params, query }) => {
      const report = await keptLogReport(db, user, params.logId, { ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) }, query);
      if (!report) throw notFound(`Imported log ${params.logId}`);
      return report;
    },
  );

  table.add(
    router,
    {
      method: 'get', path: '/insights/logs/:logId/handoffs', tag, rule, params: LogParams, query: AggregateCaseQuery, response: AggregatedHandoffs,
      summary: "A kept log's handoffs between teams (count, taken up, overdue) with the delay until the receiving team took the case up, from its aggregates: cases started on the days [from, to)",
    },
    async ({ user, params, query }) => {
      const handoffs = await keptLogHandoffs(db, user, params.logId, query);
      if (!handoffs) throw notFound(`Imported log ${params.logId}`);
      return handoffs;
    },
  );

  table.add(
    router,
    {
      method: 'get', path: '/insights/logs/:logId/time-split', tag, rule, params: LogParams, query: AggregateCaseQuery, response: AggregatedTimeSplit,
      summary: "A kept log's waiting vs working per step (waiting: ready to claim; processing: claim to completion; sojourn: ready to completion) from its aggregates: cases started on the days [from, to)",
    },
    async ({ user, params, query }) => {
      const split = await keptLogTimeSplit(db, user, params.logId, query);
      if (!split) throw notFound(`Imported log ${params.logId}`);
      return split;
    },
  );
}
