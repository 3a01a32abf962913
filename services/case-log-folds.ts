// When the ended cases of a process's own log that predate the fold on case end (migration 020) are folded: by a catch-up at start-up and before a definition's first read from the store — each case in a transaction of its own, never twice.
import type { Database } from '../storage/database.ts';
import { definitionSource, foldEndedCase, unfoldedEndedCases } from '../storage/case-log-fold.ts';
import { isFolded } from '../storage/insight-aggregate-queries.ts';

const PAGE = 500;
const underWay = new Set<Promise<unknown>>();

/**
 * Folds every ended case not folded yet (of one definition, or all). A case ended since migration
 * 020 was folded by its own end; a crash mid-way leaves the rest for the next catch-up, and one
 * racing another folds nothing twice (the marker). Returns how many cases it folded.
 */
export async function catchUpCaseLogFolds(db: Database, definitionId: string | null = null): Promise<number> {
  let folded = 0;
  let after: [string, string] | null = null;
  for (;;) {
    const page = await unfoldedEndedCases(db, definitionId, after, PAGE);
    // One case per transaction: a fold takes shared aggregate rows' locks in one order only within itself.
    for (const { id } of page) if (await db.transaction((tx) => foldEndedCase(tx, id))) folded += 1;
    // Each case is visited once (one folded by someone else meanwhile is skipped by its marker, one without events stays behind).
    if (page.length < PAGE) return folded;
    const last = page[page.length - 1]!;
    after = [last.definitionId, last.id];
  }
}

/** Before a definition's aggregates are read: once its old cases are all folded (recorded in insight_folds), nothing is left to fold. */
export async function ensureDefinitionFolded(db: Database, definitionId: string): Promise<void> {
  const source = definitionSource(definitionId);
  if (await isFolded(db, source)) return;
  await catchUpCaseLogFolds(db, definitionId);
  await db.query('INSERT INTO insight_folds (source) VALUES ($1) ON CONFLICT DO NOTHING', [source]);
}

/** Starts the catch-up of every definition after start-up and returns at once; a failure leaves it to each definition's first read. */
export function startCaseLogCatchUp(db: Database, log: (message: string) => void = console.warn): Promise<void> {
  const run = catchUpCaseLogFolds(db).then(
    () => undefined,
    (error: unknown) => log(`The catch-up of ended cases into the insight aggregates failed; each process's first read finishes it (${String(error)}).`),
  );
  underWay.add(run);
  void run.finally(() => underWay.delete(run));
  return run;
}

/** Resolves once the start-up catch-up has ended (before the database closes). */
export async function caseLogCatchUpSettled(): Promise<void> {
  while (underWay.size > 0) await Promise.all([...underWay]);
}
