// Cases: start, search, detail (projection + live state from the workflow + timeline), cancel.
import type { Router } from 'express';
import { z } from 'zod';
import { caseLog, findCases } from '../../services/cases.ts';
import { tasksOfCase } from '../../services/tasks.ts';
import { recordAudit } from '../../services/audit.ts';
import { caseViewQuery, workflowIdForCase, type CaseView } from '../../workflows/case-api.ts';
import type { UserRecord } from '../../services/accounts.ts';
import { CancelCaseBody, CancellingCase, CaseDetail, CaseEventList, CasePage, CaseSearchQuery, StartCaseBody, StartedCase, type CaseRecord } from '../../domain/contract/case-record.ts';
import { startCase, type CaseStartDeps } from '../../services/case-start.ts';
import { cancelCase } from '../../services/case-cancel.ts';
import { cancellableCase, caseScopeOf, mayStart, readableCase } from '../access/access-policy.ts';
import { startRefusalProblem } from '../problems/start-refusal.ts';
import type { RouteTable } from '../routes/route.ts';
import { CaseId } from '../../domain/contract/request-fields.ts';

const CaseParams = z.object({ caseId: CaseId });

export function caseRoutes(table: RouteTable, router: Router, deps: CaseStartDeps): void {
  const { db, client } = deps;
  const tag = 'cases';
  /** A summary keeps what a past team may know: that the case exists, where it is, who owns it. */
  const shown = (row: CaseRecord) => (row.access === 'full' ? row : { ...row, data: {}, ownerUser: null });
  /** The events of a case as the reader may see them: all, or only their own teams' in a summary. */
  const visibleEvents = async (user: UserRecord, row: CaseRecord) => {
    const events = await caseLog(db, row.id);
    return row.access === 'full' ? events : events.filter((event) => event.team !== null && user.teams.includes(event.team));
  };

  table.add(router, { method: 'post', path: '/cases', summary: 'Start a case (data checked against the start form)', tag, rule: 'case.start', body: StartCaseBody, response: StartedCase, successStatus: 201, idempotent: true }, async ({ req, user, body }) => {
    const person = { mayStart: (teams: readonly string[]) => mayStart(user, teams) };
    const outcome = await startCase(deps, { ...body, startedBy: user.id, person, idempotencyKey: req.header('idempotency-key') ?? undefined });
    if (!outcome.ok) throw startRefusalProblem(outcome.refusal);
    const { started } = outcome;
    await recordAudit(db, { actor: user.id, action: 'case.start', target: started.caseId, source: req.ip, detail: { definitionId: body.definitionId, version: started.version } });
    return started;
  });

  table.add(router, { method: 'get', path: '/cases', summary: 'Search cases', tag, rule: 'case.read', query: CaseSearchQuery, response: CasePage }, async ({ user, query }) => {
    const found = await findCases(db, { ...query, dataFilters: query.data, scope: caseScopeOf(user) });
    return { ...found, items: found.items.map(shown) };
  });

  table.add(router, { method: 'get', path: '/cases/:caseId', summary: 'A case: projection, live state, tasks, timeline and ownership chain', tag, rule: 'case.read', params: CaseParams, response: CaseDetail }, async ({ user, params }) => {
    const found = await readableCase(db, user, params.caseId);
    const full = found.access === 'full';
    // A finished case whose history was archived has no live state; the projection still answers.
    const live: CaseView | null = full
      ? await client.workflow
          .getHandle(workflowIdForCase(params.caseId))
          .query(caseViewQuery)
          .catch(() => null)
      : null;
    const [timeline, allTasks] = await Promise.all([visibleEvents(user, found), tasksOfCase(db, params.caseId)]);
    const tasks = full ? allTasks : allTasks.filter((task) => user.teams.includes(task.team));
    const ownership = timeline.filter((event) => event.kind === 'ownership-changed' || event.kind === 'task-claimed' || event.kind === 'handoff-accepted' || event.kind === 'task-reassigned');
    return { case: shown(found), access: found.access, live, tasks, timeline, ownership };
  });

  table.add(router, { method: 'get', path: '/cases/:caseId/events', summary: "A case's event log", tag, rule: 'case.read', params: CaseParams, response: CaseEventList }, async ({ user, params }) => {
    return { items: await visibleEvents(user, await readableCase(db, user, params.caseId)) };
  });

  table.add(router, { method: 'post', path: '/cases/:caseId/cancel', summary: 'Cancel a case with a reason', tag, rule: 'case.cancel', params: CaseParams, body: CancelCaseBody, response: CancellingCase, successStatus: 202, idempotent: true }, async ({ req, user, params, body }) => {
    await cancellableCase(db, user, params.caseId);
    await cancelCase(client, params.caseId, body.reason, user.id);
    await recordAudit(db, { actor: user.id, action: 'case.cancel', target: params.caseId, source: req.ip, detail: { reason: body.reason } });
    return { caseId: params.caseId, status: 'cancelling' };
  });
}
