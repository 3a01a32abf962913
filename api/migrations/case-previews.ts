// What a migration plan would do to each case, read from the case workflows themselves (the
// engine's state is the truth, the projection only follows it) and judged by the same pure check
// the case workflow's Update validator runs. Changes nothing.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { ProcessIR } from '../../domain/process/ir.ts';
import type { CaseMigrationPreview, ElementMapping } from '../../domain/contract/migration.ts';
import { migrateState } from '../../domain/migration/migrate-state.ts';
import { engineStateQuery, workflowIdForCase } from '../../workflows/case-api.ts';

/** Queries sent side by side, as a migration run sends its Updates. */
const AT_ONCE = 20;

export interface PreviewRequest {
  definitionId: string;
  fromVersion: number;
  from: ProcessIR;
  to: ProcessIR;
  mappings: ElementMapping[];
  caseIds: string[];
}

export async function previewCases(client: Client, request: PreviewRequest): Promise<CaseMigrationPreview[]> {
  const previews: CaseMigrationPreview[] = [];
  for (let first = 0; first < request.caseIds.length; first += AT_ONCE) {
    previews.push(...(await Promise.all(request.caseIds.slice(first, first + AT_ONCE).map((caseId) => previewCase(client, request, caseId)))));
  }
  return previews;
}

async function previewCase(client: Client, request: PreviewRequest, caseId: string): Promise<CaseMigrationPreview> {
  const snapshot = await client.workflow
    .getHandle(workflowIdForCase(caseId))
    .query(engineStateQuery)
    .catch((error: unknown) => {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    });
  if (!snapshot || snapshot.definitionId !== request.definitionId || snapshot.version !== request.fromVersion || snapshot.engine.status !== 'running') {
    const refusals = [{ code: 'not-running' as const, message: `The case is not running version ${request.fromVersion} of ${request.definitionId}.` }];
    return { caseId, migratable: false, refusals, moves: [], tasksKept: [], tasksClosed: [], tasksOpened: [], timersKept: [], timersRestarted: [] };
  }
  return migrateState({ state: snapshot.engine, from: request.from, to: request.to, mappings: request.mappings, now: new Date().toISOString() }).preview;
}
