// Moving running cases between versions of a process (docs/migration.md): the proposed mapping,
// a preview per case, a run on Temporal in batches, and its progress. A migration shows case ids
// and where they wait, never case data.
import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import { z } from 'zod';
import type { ProcessIR } from '../../domain/process/ir.ts';
import { MigrationList, MigrationPlan, MigrationPreview, MigrationProgress, MigrationProposal } from '../../domain/contract/migration.ts';
import { proposeMapping } from '../../domain/migration/propose-mapping.ts';
import { planIssues } from '../../domain/migration/plan-issues.ts';
import { mappableElements } from '../../domain/migration/wait-elements.ts';
import { deployedVersion, versionHistory } from '../../services/definitions.ts';
import { casesToMigrate, createMigration, forgetMigration, migrationProgress, migrationsOf, runningCaseCount } from '../../services/migrations.ts';
import { recordAudit } from '../../services/audit.ts';
import { migrationWorkflowId, type MigrationWorkflowInput } from '../../workflows/migration-api.ts';
import { notFound, Problem } from '../problems/problem.ts';
import type { RouteTable } from '../routes/route.ts';
import type { CaseStartDeps } from '../../services/case-start.ts';
import { DefinitionId, VersionNumber } from '../../domain/contract/request-fields.ts';
import { previewCases } from './case-previews.ts';

const IdParams = z.object({ id: DefinitionId });
const PlanQuery = z.object({ from: VersionNumber, to: VersionNumber });
const MigrationParams = z.object({ migrationId: z.string().min(1).max(200).regex(/^[A-Za-z0-9._-]+$/, 'A migration id has letters, digits, ., _ and - only') });

interface Versions {
  from: ProcessIR;
  to: ProcessIR;
}

export function migrationRoutes(table: RouteTable, router: Router, deps: CaseStartDeps): void {
  const { db, client } = deps;
  const tag = 'migrations';
  const rule = 'definitions.migrate';

  /** Both versions' IRs; an unknown process is a 404, an unknown version a 400 naming the field that names it. */
  async function versionsOf(definitionId: string, from: number, to: number, fields: { from: string; to: string }): Promise<Versions> {
    const [old, next] = await Promise.all([deployedVersion(db, definitionId, from), deployedVersion(db, definitionId, to)]);
    if (!old || !next) {
      const history = await versionHistory(db, definitionId);
      if (history.length === 0) throw notFound(`Process ${definitionId}`);
      const known = history.map((version) => version.version).join(', ');
      const issues = [...(old ? [] : [{ field: fields.from, message: `Process ${definitionId} has no version ${from}; it has ${known}.` }]), ...(next ? [] : [{ field: fields.to, message: `Process ${definitionId} has no version ${to}; it has ${known}.` }])];
      throw new Problem('invalid-request', issues.map((issue) => issue.message).join(' '), issues);
    }
    return { from: old.ir, to: next.ir };
  }

  /** The plan's versions, checked with the plan itself: every mistake named at once, nothing looked up twice. */
  async function checkedPlan(definitionId: string, plan: MigrationPlan): Promise<Versions> {
    const versions = await versionsOf(definitionId, plan.fromVersion, plan.toVersion, { from: 'body.fromVersion', to: 'body.toVersion' });
    const issues = planIssues(plan, versions.from, versions.to).map((issue) => ({ ...issue, field: `body.${issue.field}` }));
    if (issues.length > 0) throw new Problem('invalid-request', `The migration plan cannot be used: ${issues.map((issue) => issue.message).join(' ')}`, issues);
    return versions;
  }

  table.add(router, { method: 'get', path: '/definitions/:id/migration-plan', summary: 'The proposed mapping for moving cases between two versions', tag, rule, params: IdParams, query: PlanQuery, response: MigrationProposal }, async ({ params, query }) => {
    const versions = await versionsOf(params.id, query.from, query.to, { from: 'query.from', to: 'query.to' });
    if (query.from === query.to) throw new Problem('invalid-request', `A migration moves cases to another version: to is ${query.to}, the same as from.`, [{ field: 'query.to', message: 'must differ from from' }]);
    return {
      definitionId: params.id,
      fromVersion: query.from,
      toVersion: query.to,
      mappings: proposeMapping(versions.from, versions.to),
      targets: mappableElements(versions.to),
      sources: mappableElements(versions.from),
      runningCases: await runningCaseCount(db, params.id, query.from),
    };
  });

  table.add(router, { method: 'post', path: '/definitions/:id/migrations/preview', summary: 'What a migration plan would do to each running case (changes nothing)', tag, rule, params: IdParams, body: MigrationPlan, response: MigrationPreview }, async ({ params, body }) => {
    const versions = await checkedPlan(params.id, body);
    const caseIds = await casesToMigrate(db, params.id, body.fromVersion, body.caseIds);
    const cases = await previewCases(client, { definitionId: params.id, fromVersion: body.fromVersion, ...versions, mappings: body.mappings, caseIds });
    const migratable = cases.filter((preview) => preview.migratable).length;
    return { definitionId: params.id, fromVersion: body.fromVersion, toVersion: body.toVersion, cases, summary: { cases: cases.length, migratable, refused: cases.length - migratable } };
  });

  table.add(router, { method: 'post', path: '/definitions/:id/migrations', summary: 'Migrate running cases to another version, in batches on Temporal', tag, rule, params: IdParams, body: MigrationPlan, response: MigrationProgress, successStatus: 202, idempotent: true }, async ({ req, user, params, body }) => {
    await checkedPlan(params.id, body);
    const migrationId = randomUUID();
    const caseIds = await casesToMigrate(db, params.id, body.fromVersion, body.caseIds);
    const progress = await createMigration(db, { migrationId, definitionId: params.id, fromVersion: body.fromVersion, toVersion: body.toVersion, mappings: body.mappings, startedBy: user.id, caseIds });
    try {
      const input: MigrationWorkflowInput = { migrationId };
      await client.workflow.start('migrationWorkflow', { workflowId: migrationWorkflowId(migrationId), taskQueue: deps.taskQueue, args: [input] });
    } catch (error) {
      await forgetMigration(db, migrationId);
      throw error;
    }
    await recordAudit(db, { actor: user.id, action: 'definition.migrate', target: `${params.id}@${body.fromVersion}->${body.toVersion}`, source: req.ip, detail: { migrationId, cases: caseIds.length } });
    return progress;
  });

  table.add(router, { method: 'get', path: '/definitions/:id/migrations', summary: "A process's migrations, newest first", tag, rule, params: IdParams, response: MigrationList }, async ({ params }) => ({ items: await migrationsOf(db, params.id) }));

  table.add(router, { method: 'get', path: '/migrations/:migrationId', summary: 'A migration run and the outcome of each case so far', tag, rule, params: MigrationParams, response: MigrationProgress }, async ({ params }) => {
    const progress = await migrationProgress(db, params.migrationId);
    if (!progress) throw notFound(`Migration ${params.migrationId}`);
    return progress;
  });
}
