// POST /api/duplication/intended: keeps a cluster on purpose, with the reason; the report then
// lists it under "intended" instead of ranking it.
import { MarkedIntended, type IntendedMark } from '../../../../../domain/contract/duplication.ts';
import { apiPost } from '../../../shared/api/http.ts';
import { invalidate, resourceKeys } from '../../../shared/api/query-client.ts';

export async function markIntended(mark: IntendedMark) {
  const marked = await apiPost('/api/duplication/intended', mark, MarkedIntended);
  await invalidate(resourceKeys.duplication);
  return marked;
}
