// Process definitions: drafts, deploy (compile + checks; errors block), versions, diff, downloads.
import type { Router } from 'express';
import { z } from 'zod';
import { allDefinitions, deployDefinition, deployedVersion, draftOf, keepDraft, versionHistory, versionSvg, versionXml } from '../../services/definitions.ts';
import { recordAudit } from '../../services/audit.ts';
import { attachDecisions } from '../../domain/deploy/attach-decisions.ts';
import { checkForDeploy } from '../../domain/deploy/check-for-deploy.ts';
import { diffIr } from '../../domain/process/diff-ir.ts';
import { notFound, Problem } from '../problems/problem.ts';
import type { RouteTable } from '../routes/route.ts';
import { DefinitionId, VersionNumber } from '../../domain/contract/request-fields.ts';
import type { CaseStartDeps } from '../../services/case-start.ts';
import { syncTimerStartSchedules } from './timer-start-schedules.ts';
import { CheckRequest, DefinitionList, DeployCheckReply, DeployedVersion, DeployReply, DeployRequest, DiffQuery, Draft, DraftRequest, VersionDiff, VersionList } from '../../domain/contract/definition.ts';

const IdParams = z.object({ id: DefinitionId });
const VersionParams = z.object({ id: DefinitionId, version: VersionNumber });

export function definitionRoutes(table: RouteTable, router: Router, deps: CaseStartDeps): void {
  const { db } = deps;
  const tag = 'definitions';

  table.add(router, { method: 'get', path: '/definitions', summary: 'List processes with their latest version', tag, rule: 'definitions.read', response: DefinitionList }, async () => ({ items: await allDefinitions(db) }));

  table.add(router, { method: 'post', path: '/definitions/check', summary: 'Compile and check a diagram without deploying it', tag, rule: 'definitions.design', body: CheckRequest, response: DeployCheckReply }, async ({ body }) => {
    const { errors, warnings, ir } = await checkForDeploy(body.xml);
    return { errors, warnings, irHash: ir.hash, nodes: ir.nodes.length };
  });

  table.add(router, { method: 'post', path: '/definitions/deploy', summary: 'Deploy a diagram as a new version (errors block; warnings are returned)', tag, rule: 'definitions.design', body: DeployRequest, response: DeployReply, successStatus: 201, idempotent: true }, async ({ req, res, user, body }) => {
    const check = await checkForDeploy(body.xml);
    if (check.errors.length > 0) {
      await recordAudit(db, { actor: user.id, action: 'definition.deploy', target: body.id, source: req.ip, outcome: 'refused', detail: { errors: check.errors.length } });
      throw new Problem('bpmn-check-failed', `The diagram cannot be deployed: ${check.errors.length} problem(s), first: ${check.errors[0]!.message}`, check.errors, { warnings: check.warnings });
    }
    const decided = await attachDecisions(check.ir, body.dmn ?? []);
    if (!decided.ok) {
      await recordAudit(db, { actor: user.id, action: 'definition.deploy', target: body.id, source: req.ip, outcome: 'refused', detail: { errors: decided.errors.length } });
      throw new Problem('bpmn-check-failed', `The decisions cannot be deployed with the diagram: ${decided.errors.length} problem(s), first: ${decided.errors[0]!.message}`, decided.errors.map(({ decisionId: _decisionId, ...issue }) => issue), { warnings: check.warnings });
    }
    const name = body.name ?? check.ir.name ?? check.ir.processes[0]?.name ?? body.id;
    const { version, created, latest } = await deployDefinition(db, { definitionId: body.id, name, xml: body.xml, svg: body.svg, ir: decided.ir, note: body.note, deployedBy: user.id });
    // Timer start events follow the latest version (also on a repeated deploy, which so heals a
    // deploy whose schedules could not be written); redeploying an older diagram changes nothing.
    const timerStarts = latest ? await syncTimerStartSchedules(deps.client, deps.taskQueue, version) : undefined;
    await recordAudit(db, { actor: user.id, action: 'definition.deploy', target: `${body.id}@${version.version}`, source: req.ip, detail: { created, irHash: version.irHash, ...(timerStarts ? { timerStarts } : {}) } });
    res.status(created ? 201 : 200);
    const notScheduled = (timerStarts?.skipped ?? []).map((skip) => ({ elementId: skip.startEventId, code: 'timer-start-not-scheduled', message: `Timer start event ${skip.startEventId} will start no cases: ${skip.reason}.` }));
    return { definitionId: version.definitionId, version: version.version, irHash: version.irHash, created, warnings: [...check.warnings, ...notScheduled], timerStartSchedules: timerStarts?.scheduled ?? [] };
  });

  table.add(router, { method: 'put', path: '/definitions/:id/draft', summary: 'Save a draft (not checked, not deployed)', tag, rule: 'definitions.design', params: IdParams, body: DraftRequest, response: Draft }, async ({ req, user, params, body }) => {
    const draft = await keepDraft(db, { definitionId: params.id, ...body });
    await recordAudit(db, { actor: user.id, action: 'definition.save-draft', target: params.id, source: req.ip });
    return draft;
  });

  table.add(router, { method: 'get', path: '/definitions/:id/draft', summary: 'The saved draft', tag, rule: 'definitions.design', params: IdParams, response: Draft }, async ({ params }) => {
    const draft = await draftOf(db, params.id);
    if (!draft) throw notFound(`A draft of process ${params.id}`);
    return draft;
  });

  table.add(router, { method: 'get', path: '/definitions/:id/versions', summary: 'Version history', tag, rule: 'definitions.read', params: IdParams, response: VersionList }, async ({ params }) => ({ items: await versionHistory(db, params.id) }));

  table.add(router, { method: 'get', path: '/definitions/:id/diff', summary: 'Elements added, removed and changed between two versions', tag, rule: 'definitions.read', params: IdParams, query: DiffQuery, response: VersionDiff }, async ({ params, query }) => {
    const [from, to] = await Promise.all([deployedVersion(db, params.id, query.from), deployedVersion(db, params.id, query.to)]);
    if (!from) throw notFound(`Version ${query.from} of process ${params.id}`);
    if (!to) throw notFound(`Version ${query.to} of process ${params.id}`);
    return { definitionId: params.id, from: query.from, to: query.to, ...diffIr(from.ir, to.ir) };
  });

  table.add(router, { method: 'get', path: '/definitions/:id/versions/:version', summary: 'A deployed version with its compiled process', tag, rule: 'definitions.read', params: VersionParams, response: DeployedVersion }, async ({ params }) => {
    const found = await deployedVersion(db, params.id, params.version);
    if (!found) throw notFound(`Version ${params.version} of process ${params.id}`);
    return found;
  });

  table.add(router, { method: 'get', path: '/definitions/:id/versions/:version/bpmn', summary: 'Download the BPMN XML of a version', tag, rule: 'definitions.read', params: VersionParams, produces: 'application/xml' }, async ({ res, params }) => {
    const xml = await versionXml(db, params.id, params.version);
    if (xml === null) throw notFound(`Version ${params.version} of process ${params.id}`);
    // attachment() sets the type from the .bpmn extension (octet-stream), so the XML type goes after it.
    res.attachment(`${params.id}-v${params.version}.bpmn`).type('application/xml').send(xml);
  });

  table.add(router, { method: 'get', path: '/definitions/:id/versions/:version/svg', summary: 'Download the picture of a version (saved by the modeller at deploy)', tag, rule: 'definitions.read', params: VersionParams, produces: 'image/svg+xml' }, async ({ res, params }) => {
    const svg = await versionSvg(db, params.id, params.version);
    if (svg === null) throw notFound(`A picture of version ${params.version} of process ${params.id} (deploy it from the modeller to save one)`);
    res.type('image/svg+xml').attachment(`${params.id}-v${params.version}.svg`).send(svg);
  });
}
