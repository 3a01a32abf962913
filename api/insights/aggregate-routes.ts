// Insights from the analytical store: the directly-follows graph with durations (filtered by case-start days and team), variants and rework, handoffs and waiting vs working, read from aggregates rather than every event — of a kept log, or of a process's own ended cases.
import type { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../services/database.ts';
import { keptLogAnswer, processScope, scopeDfg, scopeHandoffs, scopeReport, scopeTimeSplit, type NamedScope, type ScopeAnswer } from '../../services/insight-aggregates.ts';
import { notFound } from '../problems/problem.ts';
import type { RouteTable } from '../routes/route.ts';
import { AggregateCaseQuery, AggregatedDfg, AggregatedHandoffs, AggregatedReport, AggregatedTimeSplit, AggregateQuery, AggregateReportQuery, ProcessAggregatedDfg, ProcessAggregateScope } from '../../domain/contract/insight-aggregates.ts';

const tag = 'insights';
const LogParams = z.object({ logId: z.uuid('An imported log id is a UUID, as POST /api/insights/logs returned it') });

const days = (query: { from?: string | undefined; to?: string | undefined }) => ({ ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) });
const dfgFilter = (query: z.output<typeof AggregateQuery>) => ({ ...days(query), ...(query.team ? { team: query.team } : {}) });

interface AggregateRead<Q extends z.ZodObject> {
  name: string;
  query: Q;
  response: z.ZodType;
  /** A process's answer when it differs from a kept log's (its steps are node ids, so names are added beside them). */
  processResponse?: z.ZodType;
  /** What it answers, after "A kept log's" or "A process's". */
  what: string;
  read(db: Database, scope: NamedScope, query: z.output<Q>): Promise<ScopeAnswer<unknown>>;
}

const read = <Q extends z.ZodObject>(spec: AggregateRead<Q>) => spec;

/** Each question the store answers, asked of a kept log and of a process's own case log alike. */
const READS = [
  read({
    name: 'dfg', query: AggregateQuery, response: AggregatedDfg, processResponse: ProcessAggregatedDfg,
    what: 'directly-follows graph with counts and durations (mean, standard deviation, min, max) from its aggregates: cases started on the days [from, to), and with team only that team\'s events',
    read: (db, scope, query) => scopeDfg(db, scope, dfgFilter(query)),
  }),
  read({
    name: 'variants', query: AggregateReportQuery, response: AggregatedReport,
    what: 'variants (with exact case-duration figures) and rework from its aggregates: cases started on the days [from, to)',
    read: (db, scope, query) => scopeReport(db, scope, days(query), query),
  }),
  read({
    name: 'handoffs', query: AggregateCaseQuery, response: AggregatedHandoffs,
    what: 'handoffs between teams (count, taken up, overdue) with the delay until the receiving team took the case up, from its aggregates: cases started on the days [from, to)',
    read: (db, scope, query) => scopeHandoffs(db, scope, days(query)),
  }),
  read({
    name: 'time-split', query: AggregateCaseQuery, response: AggregatedTimeSplit,
    what: 'waiting vs working per step (waiting: ready to claim; processing: claim to completion; sojourn: ready to completion) from its aggregates: cases started on the days [from, to)',
    read: (db, scope, query) => scopeTimeSplit(db, scope, days(query)),
  }),
] as AggregateRead<z.ZodObject>[];

export function aggregateRoutes(table: RouteTable, router: Router, db: Database): void {
  for (const spec of READS) {
    // 404 when the log is not there or not the caller's, or was deleted before the reads ran.
    table.add(
      router,
      { method: 'get', tag, rule: 'insights.logs', params: LogParams, path: `/insights/logs/:logId/${spec.name}`, query: spec.query, response: spec.response, summary: `A kept log's ${spec.what}` },
      async ({ user, params, query }) => {
        const answer = await keptLogAnswer(db, user, params.logId, (scope) => spec.read(db, scope, query));
        if (answer === undefined) throw notFound(`Imported log ${params.logId}`);
        return answer;
      },
    );
    // 404 when nothing of the process (or not that version) is deployed.
    const processQuery = spec.query.extend(ProcessAggregateScope.shape);
    table.add(
      router,
      { method: 'get', tag, rule: 'insights.read', path: `/insights/${spec.name}`, query: processQuery, response: spec.processResponse ?? spec.response, summary: `A process's ${spec.what.replace('from its aggregates', 'from the aggregates of its ended cases (definitionId, and version or every version)')}` },
      async ({ query }) => {
        const { definitionId, version } = query as z.output<typeof ProcessAggregateScope>;
        const scope = await processScope(db, definitionId, version);
        if (!scope) throw notFound(`Process ${definitionId}${version === undefined ? '' : ` version ${version}`}`);
        // A process's own log is never deleted: its fold, once recorded, stays.
        return (await spec.read(db, scope, query)).answer;
      },
    );
  }
}
