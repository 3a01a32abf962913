// Messages from other systems as the API reports them: where one went, and the list of those received.
import { z } from 'zod';
import { CaseData } from './case-data.ts';

export const MessageRecord = z.object({
  id: z.string(),
  name: z.string(),
  correlationKey: z.string().nullable(),
  payload: CaseData,
  status: z.enum(['delivered', 'unmatched']),
  caseIds: z.array(z.string()),
  sentBy: z.string(),
  receivedAt: z.string(),
});
export type MessageRecord = z.infer<typeof MessageRecord>;

export const MessagePage = z.object({ items: z.array(MessageRecord), total: z.number().int() });
export type MessagePage = z.infer<typeof MessagePage>;

/** Where a sent message went: the cases it reached or started; `duplicate` when it was sent before. */
export const MessageReceipt = z.object({
  messageId: z.string(),
  status: z.enum(['delivered', 'unmatched']),
  caseIds: z.array(z.string()),
  startedCases: z.array(z.object({ caseId: z.string(), definitionId: z.string(), version: z.number().int() })),
  duplicate: z.boolean(),
});
export type MessageReceipt = z.infer<typeof MessageReceipt>;
