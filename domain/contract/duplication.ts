// The duplication report and the Designer's per-element view of it, as the API takes and answers them.
import { z } from 'zod';
import { DetectorId, DuplicationReport, IntendedMark, StepRef } from '../duplication/types.ts';
import { queryNumber } from './request-fields.ts';

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

/** What the report is computed over: the report's and its CSV's query. */
export const DuplicationReportQuery = z
  .object({
    /** Only events of the last `days` days feed the runtime findings and costs (default: the whole log). */
    days: queryNumber(z.coerce.number<number>().int().min(1).max(3650)).optional(),
    /** Cases per month assumed for a step the log has no figures for (default 100). */
    casesPerMonth: queryNumber(z.coerce.number<number>().min(0).max(1_000_000)).optional(),
  })
  .strict();
export type DuplicationReportQuery = z.input<typeof DuplicationReportQuery>;
