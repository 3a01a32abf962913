// Counts the 500s an API process logged, by kind, so a reliability run can say what caused them.

/**
 * The API logs every 500 as `<METHOD> <url>: <error>` (api/problems/problem-handler.ts); ids in the
 * url are folded so the same failure on many cases counts as one kind.
 */
export function serverErrorsIn(apiStderr: string): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const match of apiStderr.matchAll(/^(GET|POST|PUT|PATCH|DELETE) (\S+): (.*)$/gm)) {
    const path = match[2]!.split('?')[0]!.replace(/\/[0-9a-f-]{8,}(?=\/|$)/gi, '/:id');
    const kind = `${match[1]} ${path}: ${match[3]!.slice(0, 160)}`;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return kinds;
}
