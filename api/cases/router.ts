// Cases: start, search, detail (projection + live state from the workflow + timeline), cancel.
import { Router } from 'express';
import { z } from 'zod';
import { caseEvents, findCase, searchCases } from '../../storage/case-queries.ts';
import { caseTasks } from '../../storage/task-queries.ts';
import { writeAudit } from '../../storage/audit-store.ts';
import { caseViewQuery, workflowIdForCase, type CaseView } from '../../workflows/case-api.ts';
import { currentUser } from '../identity/sessions.ts';
import { hasAnyRole, requireRole, seesAllCases } from '../access/roles.ts';
import { notFound } from '../problems/problem.ts';
import { parse } from '../validation.ts';
import { cancelCase, startCase, type CaseServiceDeps } from './case-service.ts';
import { DefinitionId } from '../definitions/router.ts';

export const StartCaseBody = z.object({
  definitionId: DefinitionId,
  version: z.number().int().positive().optional(),
  data: z.record(z.string(), z.unknown()).default({}),
});
const CaseSearchQuery = z.object({
  definitionId: DefinitionId.optional(),
  status: z.enum(['running', 'completed', 'failed', 'cancelled', 'terminated']).optional(),
  ownerTeam: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
const CaseParams = z.object({ caseId: z.string().min(1).max(200) });
const CancelBody = z.object({ reason: z.string().min(1).max(2000) });

export function casesRouter(deps: CaseServiceDeps): Router {
  const { db, client } = deps;
  const router = Router();

  router.post('/cases', async (req, res) => {
    const user = currentUser(req);
    requireRole(user, ['caseworker', 'team-lead'], 'Starting a case');
    const body = parse(StartCaseBody, req.body);
    const started = await startCase(deps, { ...body, startedBy: user.id, idempotencyKey: req.header('idempotency-key') ?? undefined });
    await writeAudit(db, { actor: user.id, action: 'case.start', target: started.caseId, source: req.ip, detail: { definitionId: body.definitionId, version: started.version } });
    res.status(201).json(started);
  });

  router.get('/cases', async (req, res) => {
    const user = currentUser(req);
    const query = parse(CaseSearchQuery, req.query, 'query');
    res.json(await searchCases(db, { ...query, teams: seesAllCases(user) ? undefined : user.teams }));
  });

  router.get('/cases/:caseId', async (req, res) => {
    const user = currentUser(req);
    const { caseId } = parse(CaseParams, req.params, 'params');
    const found = await findCase(db, caseId, seesAllCases(user) ? undefined : user.teams);
    if (!found) throw notFound(`Case ${caseId}`);
    // A finished case whose history was archived has no live state; the projection still answers.
    const live: CaseView | null = await client.workflow
      .getHandle(workflowIdForCase(caseId))
      .query(caseViewQuery)
      .catch(() => null);
    const [timeline, tasks] = await Promise.all([caseEvents(db, caseId), caseTasks(db, caseId)]);
    const ownership = timeline.filter((event) => event.kind === 'ownership-changed' || event.kind === 'task-claimed' || event.kind === 'handoff-accepted');
    res.json({ case: found, live, tasks, timeline, ownership });
  });

  router.get('/cases/:caseId/events', async (req, res) => {
    const user = currentUser(req);
    const { caseId } = parse(CaseParams, req.params, 'params');
    if (!(await findCase(db, caseId, seesAllCases(user) ? undefined : user.teams))) throw notFound(`Case ${caseId}`);
    res.json({ items: await caseEvents(db, caseId) });
  });

  router.post('/cases/:caseId/cancel', async (req, res) => {
    const user = currentUser(req);
    const { caseId } = parse(CaseParams, req.params, 'params');
    const { reason } = parse(CancelBody, req.body);
    const found = await findCase(db, caseId, hasAnyRole(user, []) ? undefined : user.leadOf);
    if (!found) throw notFound(`Case ${caseId} (only a lead of its owning team may cancel it)`);
    await cancelCase(deps, caseId, reason, user.id);
    await writeAudit(db, { actor: user.id, action: 'case.cancel', target: caseId, source: req.ip, detail: { reason } });
    res.status(202).json({ caseId, status: 'cancelling' });
  });

  return router;
}
