// POST /api/duplication/intended: keeps a cluster on purpose, with the reason; the report then
// lists it under "intended" instead of ranking it.
import { MarkedIntended, type IntendedMark } from '../../../../../domain/contract/duplication.ts';
import { apiPost } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiMutation } from '../../../shared/hooks/use-api-mutation.ts';

export function useMarkIntended() {
  return useApiMutation((mark: IntendedMark) => apiPost('/api/duplication/intended', mark, MarkedIntended), { invalidates: [resourceKeys.duplication] });
}
