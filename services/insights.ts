// What the insights routes read: one process's case log with the diagram it ran on.
import type { Database } from '../storage/database.ts';
import { definitionCaseLog, definitionIr, type InsightsLogQuery } from '../storage/insights-queries.ts';
import type { CaseLogEvent } from '../domain/events/case-log-event.ts';
import type { ProcessIR } from '../domain/process/ir.ts';

export type { InsightsLogQuery };

export interface ProcessLog {
  deployed: { version: number; ir: ProcessIR };
  events: CaseLogEvent[];
}

/** The compiled diagram of a version, or of the latest when `version` is omitted; null if none is deployed. */
export async function processDiagram(db: Database, definitionId: string, version?: number): Promise<{ version: number; ir: ProcessIR } | null> {
  return definitionIr(db, definitionId, version);
}

/** The version's diagram (latest when none is named) and its cases' events; null when nothing is deployed. */
export async function processLog(db: Database, query: InsightsLogQuery): Promise<ProcessLog | null> {
  const deployed = await definitionIr(db, query.definitionId, query.version);
  if (!deployed) return null;
  return { deployed, events: await definitionCaseLog(db, query) };
}
