// Which cases a reader may see, as SQL. The access policy (api/access/access-policy.ts) decides a
// reader's scope; this file only turns that decision into conditions, so every query that lists or
// finds cases (search, case page, messages, insights) filters the same way.
/** Every case (admins, analysts), or the cases of some teams. */
export type CaseScope = { kind: 'all' } | { kind: 'teams'; teams: readonly string[] };

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

const OPEN = `('open', 'claimed')`;

/** The three conditions of a scope over the cases table aliased `caseAlias`, sharing one parameter. */
export interface CaseScopeSql {
  /** Any sight at all: owned by one of the teams, or one of them ever held a task of it. */
  inScope: string;
  /** Full sight: owned by one of the teams, or one of them holds a current (open or claimed) task. */
  full: string;
  /** A select-list expression giving `'full'` or `'summary'` for a row already in scope. */
  level: string;
}

/** `param` adds a query parameter and returns its placeholder (e.g. `$3`); called at most once. */
export function caseScopeSql(scope: CaseScope, caseAlias: string, param: (value: unknown) => string): CaseScopeSql {
  if (scope.kind === 'all') return { inScope: 'TRUE', full: 'TRUE', level: `'full'` };
  const teams = `${param([...scope.teams])}::text[]`;
  const heldBy = (extra: string) => `EXISTS (SELECT 1 FROM tasks scope_t WHERE scope_t.case_id = ${caseAlias}.id AND scope_t.team = ANY(${teams})${extra})`;
  const full = `(${caseAlias}.owner_team = ANY(${teams}) OR ${heldBy(` AND scope_t.status IN ${OPEN}`)})`;
  return { inScope: `(${caseAlias}.owner_team = ANY(${teams}) OR ${heldBy('')})`, full, level: `CASE WHEN ${full} THEN 'full' ELSE 'summary' END` };
}

/** `caseScopeSql(…).inScope` as a condition with its own parameters numbered from `firstParam`. */
export function caseScopeCondition(scope: CaseScope, caseAlias: string, firstParam: number): SqlCondition {
  const params: unknown[] = [];
  const sql = caseScopeSql(scope, caseAlias, (value) => `$${firstParam + params.push(value) - 1}`).inScope;
  return { sql, params };
}
