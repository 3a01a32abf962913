// When a kept log is folded into the analytical store: right after its import commits (outside the import's transaction), or by the first read that finds it unfolded — never two at once.
import type { Database } from '../storage/database.ts';
import { foldKeptLog } from '../storage/kept-log-fold.ts';

const underWay = new Set<Promise<void>>();

/**
 * Waits for a fold under way (the advisory lock), else folds: a read that found no fold recorded
 * calls this, so it answers from a whole committed fold, never from none or half of one. False when
 * the log was deleted meanwhile (after the read looked it up): there is nothing to answer from.
 */
export async function ensureKeptLogFolded(db: Database, logId: string): Promise<boolean> {
  return (await db.transaction((tx) => foldKeptLog(tx, logId, { unlessFolded: true }))) !== 'log-deleted';
}

/**
 * Starts the fold of a log whose import has just committed and returns at once, so the import
 * answers without it. A fold that fails (a crash, a lost connection) leaves the log unfolded, and
 * its first read folds it.
 */
export function foldAfterImport(db: Database, logId: string, log: (message: string) => void = console.warn): Promise<void> {
  // A log deleted before its fold began is no failure: the fold finds it gone and writes nothing.
  const run = ensureKeptLogFolded(db, logId).then(() => undefined, (error: unknown) => log(`The fold of kept log ${logId} failed; its first read folds it (${String(error)}).`));
  underWay.add(run);
  void run.finally(() => underWay.delete(run));
  return run;
}

/** Resolves once every fold started after an import has ended (before the database closes). */
export async function keptLogFoldsSettled(): Promise<void> {
  while (underWay.size > 0) await Promise.all([...underWay]);
}
