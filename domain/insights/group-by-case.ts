// Splits a log into its cases, keeping each case's entries in log order (cases in order of first entry).
export function groupByCase<T extends { readonly caseId: string }>(entries: readonly T[]): Map<string, T[]> {
  const byCase = new Map<string, T[]>();
  for (const entry of entries) {
    const list = byCase.get(entry.caseId);
    if (list) list.push(entry);
    else byCase.set(entry.caseId, [entry]);
  }
  return byCase;
}
