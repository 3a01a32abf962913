// GET /api/duplication/definitions/:id: per element of a deployed process, the duplication
// clusters it belongs to and where else the same work is done (the Designer's overlays).
import { z } from 'zod';
import { DetectorId, StepRef } from '../../../../../domain/duplication/types.ts';
import { apiGet } from '../../../shared/api/http.ts';

export const ElementDuplication = z.object({
  clusterKey: z.string(),
  detector: DetectorId,
  score: z.number(),
  estimatedHoursPerMonth: z.number(),
  intended: z.object({ reason: z.string() }).optional(),
  alsoIn: z.array(StepRef.pick({ definitionId: true, process: true, nodeId: true, name: true })),
  text: z.string(),
});
export type ElementDuplication = z.infer<typeof ElementDuplication>;

const DefinitionDuplication = z.object({
  definitionId: z.string(),
  elements: z.record(z.string(), z.array(ElementDuplication)),
});
export type DefinitionDuplication = z.infer<typeof DefinitionDuplication>;

export function getDuplicationOverlays(definitionId: string) {
  return apiGet(`/api/duplication/definitions/${encodeURIComponent(definitionId)}`, DefinitionDuplication);
}
