// Process definitions: list, deploy (compile + checks; errors block), versions and their BPMN.
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../storage/database.ts';
import { deployVersion, findDeployedVersion, findVersionXml, listDefinitions } from '../../storage/definition-store.ts';
import { writeAudit } from '../../storage/audit-store.ts';
import { currentUser } from '../identity/sessions.ts';
import { requireRole } from '../access/roles.ts';
import { notFound, Problem } from '../problems/problem.ts';
import { parse } from '../validation.ts';
import { checkForDeploy } from '../../domain/deploy/check-for-deploy.ts';

export const DefinitionId = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,99}$/, 'Use letters, digits, - and _ (starting with a letter), at most 100 characters');
export const DeployRequest = z.object({
  id: DefinitionId,
  name: z.string().min(1).max(200).optional(),
  xml: z.string().min(1),
  note: z.string().max(2000).optional(),
});
const VersionParams = z.object({ id: DefinitionId, version: z.coerce.number().int().positive() });

export function definitionsRouter(db: Database): Router {
  const router = Router();

  router.get('/definitions', async (_req, res) => {
    res.json({ items: await listDefinitions(db) });
  });

  router.post('/definitions/deploy', async (req, res) => {
    const user = currentUser(req);
    requireRole(user, ['designer'], 'Deploying a process');
    const request = parse(DeployRequest, req.body);
    const check = await checkForDeploy(request.xml);
    if (check.errors.length > 0) {
      await writeAudit(db, { actor: user.id, action: 'definition.deploy', target: request.id, source: req.ip, outcome: 'refused', detail: { errors: check.errors.length } });
      const first = check.errors[0]!;
      throw new Problem('bpmn-check-failed', `The diagram cannot be deployed: ${check.errors.length} problem(s), first: ${first.message}`, check.errors, { warnings: check.warnings });
    }
    const name = request.name ?? check.ir.name ?? check.ir.processes[0]?.name ?? request.id;
    const { version, created } = await deployVersion(db, { definitionId: request.id, name, xml: request.xml, ir: check.ir, note: request.note, deployedBy: user.id });
    await writeAudit(db, { actor: user.id, action: 'definition.deploy', target: `${request.id}@${version.version}`, source: req.ip, detail: { created, irHash: version.irHash } });
    res.status(created ? 201 : 200).json({ definitionId: version.definitionId, version: version.version, irHash: version.irHash, created, warnings: check.warnings });
  });

  router.get('/definitions/:id/versions/:version', async (req, res) => {
    const { id, version } = parse(VersionParams, req.params, 'params');
    const found = await findDeployedVersion(db, id, version);
    if (!found) throw notFound(`Version ${version} of process ${id}`);
    res.json(found);
  });

  router.get('/definitions/:id/versions/:version/bpmn', async (req, res) => {
    const { id, version } = parse(VersionParams, req.params, 'params');
    const xml = await findVersionXml(db, id, version);
    if (xml === null) throw notFound(`Version ${version} of process ${id}`);
    res.type('application/xml').attachment(`${id}-v${version}.bpmn`).send(xml);
  });

  return router;
}
