// Reads of cases for the API: one case or a search, always within the reader's case scope (which
// api/access/access-policy.ts decides and storage/case-scope.ts turns into SQL), and its event log.
import type { Database } from '../storage/database.ts';
import { caseEvents, findCase, findCaseOwnedBy, searchCases, type CaseSearch, type DataFieldFilter } from '../storage/case-queries.ts';
import { caseOwnerTeams } from '../storage/insights-queries.ts';
import type { CaseScope } from '../storage/case-scope.ts';
import type { CaseEvent, CaseRecord } from '../domain/contract/case-record.ts';

export type { CaseScope, CaseSearch, DataFieldFilter };

/** The case with the reader's access level, when it is in `scope`; null when missing or out of sight alike. */
export async function caseInScope(db: Database, caseId: string, scope: CaseScope): Promise<CaseRecord | null> {
  return findCase(db, caseId, scope);
}

/** Whether one of `teams` owns the case now (not merely once held a task of it). */
export async function isCaseOwnedBy(db: Database, caseId: string, teams: readonly string[] | 'any'): Promise<boolean> {
  return (await findCaseOwnedBy(db, caseId, teams)) !== null;
}

export async function findCases(db: Database, search: CaseSearch): Promise<{ items: CaseRecord[]; total: number }> {
  return searchCases(db, search);
}

/** Every event of the case in log order; the caller narrows it to what the reader may see. */
export async function caseLog(db: Database, caseId: string): Promise<CaseEvent[]> {
  return caseEvents(db, caseId);
}

/** Each case of the definition and the team that owns it now. */
export async function owningTeams(db: Database, definitionId: string): Promise<Map<string, string | null>> {
  return caseOwnerTeams(db, definitionId);
}
