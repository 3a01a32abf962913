// Cases: start, search, detail (projection + live state from the workflow + timeline), cancel.
import type { Router } from 'express';
import { z } from 'zod';
import { caseEvents, findCase, searchCases } from '../../storage/case-queries.ts';
import { caseTasks } from '../../storage/task-queries.ts';
import { writeAudit } from '../../storage/audit-store.ts';
import { caseViewQuery, workflowIdForCase, type CaseView } from '../../workflows/case-api.ts';
import { seesAllCases } from '../access/roles.ts';
import { notFound } from '../problems/problem.ts';
import type { RouteTable } from '../routes/route.ts';
import { CaseId, DataRecord, DefinitionId, Page } from '../schemas.ts';
import { cancelCase, startCase, type CaseServiceDeps } from './case-service.ts';
import { DataFilters } from './data-filter.ts';

export const StartCaseBody = z.object({ definitionId: DefinitionId, version: z.number().int().positive().max(2_147_483_647).optional(), data: DataRecord.default({}) }).strict();
const CaseSearchQuery = z
  .object({
    definitionId: DefinitionId.optional(),
    status: z.enum(['running', 'completed', 'failed', 'cancelled', 'terminated']).optional(),
    ownerTeam: z.string().max(200).optional(),
    ownerUser: z.string().max(200).optional(),
    data: DataFilters.optional(),
    dueBefore: z.iso.datetime({ offset: true }).optional(),
    sort: z.enum(['updated', 'started', 'due']).default('updated'),
    ...Page,
  })
  .strict();
const CaseParams = z.object({ caseId: CaseId });
const CancelBody = z.object({ reason: z.string().min(1).max(2000) }).strict();

export function caseRoutes(table: RouteTable, router: Router, deps: CaseServiceDeps): void {
  const { db, client } = deps;
  const tag = 'cases';
  const readable = (user: { roles: string[]; teams: string[] }) => (seesAllCases(user as never) ? undefined : user.teams);

  table.add(router, { method: 'post', path: '/cases', summary: 'Start a case (data checked against the start form)', tag, access: { kind: 'roles', roles: ['caseworker', 'team-lead'] }, body: StartCaseBody, successStatus: 201, idempotent: true }, async ({ req, user, body }) => {
    const started = await startCase(deps, { ...body, startedBy: user.id, idempotencyKey: req.header('idempotency-key') ?? undefined });
    await writeAudit(db, { actor: user.id, action: 'case.start', target: started.caseId, source: req.ip, detail: { definitionId: body.definitionId, version: started.version } });
    return started;
  });

  table.add(router, { method: 'get', path: '/cases', summary: 'Search cases', tag, access: { kind: 'signed-in' }, objectRule: "only cases owned by, or with tasks for, the caller's teams (analysts and admins: all)", query: CaseSearchQuery }, async ({ user, query }) =>
    searchCases(db, { ...query, dataFilters: query.data, teams: readable(user) }),
  );

  table.add(router, { method: 'get', path: '/cases/:caseId', summary: 'A case: projection, live state, tasks, timeline and ownership chain', tag, access: { kind: 'signed-in' }, objectRule: "only cases of the caller's teams", params: CaseParams }, async ({ user, params }) => {
    const found = await findCase(db, params.caseId, readable(user));
    if (!found) throw notFound(`Case ${params.caseId}`);
    // A finished case whose history was archived has no live state; the projection still answers.
    const live: CaseView | null = await client.workflow
      .getHandle(workflowIdForCase(params.caseId))
      .query(caseViewQuery)
      .catch(() => null);
    const [timeline, tasks] = await Promise.all([caseEvents(db, params.caseId), caseTasks(db, params.caseId)]);
    const ownership = timeline.filter((event) => event.kind === 'ownership-changed' || event.kind === 'task-claimed' || event.kind === 'handoff-accepted' || event.kind === 'task-reassigned');
    return { case: found, live, tasks, timeline, ownership };
  });

  table.add(router, { method: 'get', path: '/cases/:caseId/events', summary: "A case's event log", tag, access: { kind: 'signed-in' }, objectRule: "only cases of the caller's teams", params: CaseParams }, async ({ user, params }) => {
    if (!(await findCase(db, params.caseId, readable(user)))) throw notFound(`Case ${params.caseId}`);
    return { items: await caseEvents(db, params.caseId) };
  });

  table.add(router, { method: 'post', path: '/cases/:caseId/cancel', summary: 'Cancel a case with a reason', tag, access: { kind: 'roles', roles: ['team-lead'] }, objectRule: 'only cases owned by a team the caller leads', params: CaseParams, body: CancelBody, successStatus: 202, idempotent: true }, async ({ req, user, params, body }) => {
    const found = await findCase(db, params.caseId, user.roles.includes('admin') ? undefined : user.leadOf);
    if (!found) throw notFound(`Case ${params.caseId} (only a lead of its owning team may cancel it)`);
    await cancelCase(deps, params.caseId, body.reason, user.id);
    await writeAudit(db, { actor: user.id, action: 'case.cancel', target: params.caseId, source: req.ip, detail: { reason: body.reason } });
    return { caseId: params.caseId, status: 'cancelling' };
  });
}
