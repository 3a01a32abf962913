// How many running cases wait at each element of the old version, counted from a preview: the
// count the mapping table shows beside each step. A case with two tokens at one step counts once.
import type { MigrationPreview } from '../../../../../domain/contract/migration.ts';

export function casesWaitingAt(preview: MigrationPreview): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of preview.cases) for (const from of new Set(item.moves.map((move) => move.from))) counts.set(from, (counts.get(from) ?? 0) + 1);
  return counts;
}
