// The duplication report over the latest deployed version of every process and the event log, and
// the clusters marked as intended.
import type { Database } from '../storage/database.ts';
import { latestDeployedLibrary, listIntended, markIntended, taskEventsForDuplication } from '../storage/duplication-queries.ts';
import { hasDeployedVersion } from '../storage/definition-store.ts';
import { findDuplication } from '../domain/duplication/analyse-library.ts';
import type { DuplicationReport, IntendedMark } from '../domain/duplication/types.ts';

export interface ReportOptions {
  /** Only events of the last `days` days feed the runtime findings and costs (default: the whole log). */
  days?: number;
  /** Cases per month assumed for a step the log has no figures for (default 100). */
  casesPerMonth?: number;
}

export async function duplicationReport(db: Database, options: ReportOptions = {}): Promise<DuplicationReport> {
  const since = options.days === undefined ? undefined : new Date(Date.now() - options.days * 24 * 60 * 60 * 1000).toISOString();
  const [library, runtime, intended] = await Promise.all([latestDeployedLibrary(db), taskEventsForDuplication(db, since), listIntended(db)]);
  return findDuplication(library, { intended, runtime, ...(options.casesPerMonth === undefined ? {} : { casesPerMonth: options.casesPerMonth }) });
}

/** Whether any version of the process is deployed. */
export async function isDeployed(db: Database, definitionId: string): Promise<boolean> {
  return hasDeployedVersion(db, definitionId);
}

/** Marks a cluster intended; marking it again replaces the reason. */
export async function markClusterIntended(db: Database, mark: IntendedMark & { markedBy: string }): Promise<void> {
  await markIntended(db, mark);
}
