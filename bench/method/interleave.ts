// The order contenders run in within a round: rotated by one each round (A B C, B C A, C A B, …),
// so no contender always runs first (cold caches) or last (after the others' garbage).

export function roundOrder<T>(contenders: readonly T[], round: number): T[] {
  const count = contenders.length;
  if (count === 0) return [];
  const shift = ((round % count) + count) % count;
  return [...contenders.slice(shift), ...contenders.slice(0, shift)];
}
