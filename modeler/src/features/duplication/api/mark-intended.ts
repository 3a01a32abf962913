// POST /api/duplication/intended: keeps a cluster on purpose, with the reason; the report then
// lists it under "intended" instead of ranking it.
import { z } from 'zod';
import type { IntendedMark } from '../../../../../domain/duplication/types.ts';
import { apiPost } from '../../../shared/api/http.ts';

const MarkedIntended = z.object({ clusterKey: z.string(), reason: z.string(), markedBy: z.string() });

export function markIntended(mark: IntendedMark) {
  return apiPost('/api/duplication/intended', mark, MarkedIntended);
}
