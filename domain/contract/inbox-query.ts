// What the inbox is asked for: one view of the tasks a reader may see, in one order. The API parses
// it, the task store reads it and the modeller builds its inbox requests from it.
import { z } from 'zod';
import { CaseId, Page, queryNumber } from './request-fields.ts';

/** Escalated: open tasks whose deadline or handoff acceptance was missed, for the leads of their team. */
export const InboxView = z.enum(['mine', 'team', 'unassigned', 'overdue', 'due-soon', 'escalated', 'all-open']);
export type InboxView = z.infer<typeof InboxView>;
export const InboxSort = z.enum(['due', 'priority', 'age']);
export type InboxSort = z.infer<typeof InboxSort>;

export const InboxQuery = z
  .object({
    view: InboxView.default('team'),
    sort: InboxSort.default('due'),
    caseId: CaseId.optional(),
    // `<number>` types what a client sends; the API reads the query's text.
    dueSoonHours: queryNumber(z.coerce.number<number>().int().min(1).max(24 * 90)).default(48),
    ...Page,
  })
  .strict();
export type InboxQuery = z.input<typeof InboxQuery>;
