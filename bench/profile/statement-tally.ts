// A store wrapper that tallies every statement by its text: how often it ran and for how long (a
// transaction's statements each count, and the transaction as a whole too). On PGlite, one
// statement runs at a time, so a statement's time outside a transaction includes waiting for the
// one before it; inside a transaction it is the statement's own.
import type { Database, Sql } from '../../storage/database.ts';

export interface StatementTally {
  statement: string;
  count: number;
  totalMs: number;
}

/** The first line of a statement, whitespace folded, as its name in the tally. */
const nameOf = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 110);

export function tallyStatements(inner: Database): { db: Database; tally(): StatementTally[] } {
  const byName = new Map<string, StatementTally>();
  const note = (name: string, ms: number) => {
    const entry = byName.get(name) ?? { statement: name, count: 0, totalMs: 0 };
    entry.count += 1;
    entry.totalMs += ms;
    byName.set(name, entry);
  };
  const timedSql = (sql: Sql, prefix: string): Sql['query'] => async (text, params, options) => {
    const started = performance.now();
    try {
      return await sql.query(text, params, options);
    } finally {
      note(`${prefix}${nameOf(text)}`, performance.now() - started);
    }
  };
  const db: Database = {
    kind: inner.kind,
    query: timedSql(inner, ''),
    transaction: async (work) => {
      const started = performance.now();
      try {
        return await inner.transaction((tx) => work({ ...tx, query: timedSql(tx, '  in tx: ') }));
      } finally {
        note('(a whole transaction)', performance.now() - started);
      }
    },
    close: () => inner.close(),
  };
  return { db, tally: () => [...byName.values()].sort((a, b) => b.totalMs - a.totalMs) };
}
