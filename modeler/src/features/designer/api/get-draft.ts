// GET /api/definitions/:id/draft: the saved draft, to reopen it in the modeller. Asked only for
// processes the list marks as having one (a missing draft is a 404).
import { z } from 'zod';
import { apiGet } from '../../../shared/api/http.ts';

export const Draft = z.object({
  definitionId: z.string(),
  name: z.string(),
  xml: z.string(),
  updatedAt: z.string(),
});
export type Draft = z.infer<typeof Draft>;

export function getDraft(definitionId: string) {
  return apiGet(`/api/definitions/${encodeURIComponent(definitionId)}/draft`, Draft);
}
