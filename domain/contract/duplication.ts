// The duplication report and the Designer's per-element view of it, as the API answers them.
import { z } from 'zod';
import { DetectorId, DuplicationReport, IntendedMark, StepRef } from '../duplication/types.ts';

export { DuplicationReport, IntendedMark };

/** Where else the work of one element is done ("also done in: Removals logistics / Assess removal risk"). */
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

export const DefinitionDuplication = z.object({ definitionId: z.string(), elements: z.record(z.string(), z.array(ElementDuplication)) });
export type DefinitionDuplication = z.infer<typeof DefinitionDuplication>;

export const MarkedIntended = z.object({ clusterKey: z.string(), reason: z.string(), markedBy: z.string() });
export type MarkedIntended = z.infer<typeof MarkedIntended>;
