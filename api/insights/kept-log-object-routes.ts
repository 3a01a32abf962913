// The objects of a kept OCEL 2.0 log: a page of them, one object with its attribute history, relations and events, and the object-type graph. Same access as the other kept-log routes; an XES or CSV log is 400 (it has no objects), as choosing an object type for one is.
import type { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../services/database.ts';
import { logObject, logObjectGraph, logObjects, OBJECT_DETAIL_CAP, type NotOcel } from '../../services/kept-log-objects.ts';
import { notFound, Problem } from '../problems/problem.ts';
import type { RouteTable } from '../routes/route.ts';
import { LogObjectsQuery } from '../../domain/contract/insights.ts';
import { OcelObjectDetail, OcelObjectGraph, OcelObjectPage } from '../../domain/insights/ocel-objects.ts';
import { LogParams } from './imported-logs-routes.ts';

const tag = 'insights';
const rule = 'insights.logs';
const ObjectParams = LogParams.extend({ objectId: z.string().min(1).max(1000) });

/** The answer, or the problem: 404 when the log (or object) is not there or not the caller's, 400 naming the log when it is not OCEL. */
function answer<T>(found: T | NotOcel | undefined, what: string): T {
  if (found === undefined) throw notFound(what);
  if (typeof found === 'object' && found !== null && 'code' in found && found.code === 'not-ocel') {
    throw new Problem('invalid-request', found.message, [{ field: 'params.logId', code: found.code, message: found.message }]);
  }
  return found as T;
}

export function keptLogObjectRoutes(table: RouteTable, router: Router, db: Database): void {
  table.add(
    router,
    {
      method: 'get', path: '/insights/logs/:logId/objects', tag, rule, params: LogParams, query: LogObjectsQuery, response: OcelObjectPage,
      summary: "A kept OCEL log's objects, a page at a time in id order: each with its attribute values as of their last change and its event and object-to-object relation counts; `type` keeps one object type, `q` the ids holding it anywhere (case ignored)",
    },
    async ({ user, params, query }) => {
      const filter = { ...(query.type ? { type: query.type } : {}), ...(query.q ? { q: query.q } : {}) };
      return answer(await logObjects(db, user, params.logId, filter, { limit: query.limit, offset: query.offset }), `Imported log ${params.logId}`);
    },
  );

  table.add(
    router,
    {
      method: 'get', path: '/insights/logs/:logId/objects/:objectId', tag, rule, params: ObjectParams, response: OcelObjectDetail,
      summary: `One object of a kept OCEL log: every attribute's values in time order, its object-to-object relations both ways (the other object's type beside each), and its events in time order with the qualifiers relating them; each list at most ${OBJECT_DETAIL_CAP}, with \`truncated\` when cut`,
    },
    async ({ user, params }) => answer(await logObject(db, user, params.logId, params.objectId), `Object ${params.objectId} of imported log ${params.logId}`),
  );

  table.add(
    router,
    {
      method: 'get', path: '/insights/logs/:logId/object-graph', tag, rule, params: LogParams, response: OcelObjectGraph,
      summary: "A kept OCEL log's object model: its object-to-object relations counted per (source type, target type, qualifier), and its event-to-object relations per (activity, object type)",
    },
    async ({ user, params }) => answer(await logObjectGraph(db, user, params.logId), `Imported log ${params.logId}`),
  );
}
