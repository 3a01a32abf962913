// A case's live state as its workflow answers the `caseView` query: status, open tasks, timers,
// message waits and data. The API passes it through as the `live` part of a case page.
import { z } from 'zod';
import { CaseData } from './case-data.ts';
import { CaseStatus } from './case-status.ts';
import { OpenTask } from './task.ts';

export const CaseView = z.object({
  caseId: z.string(),
  status: CaseStatus,
  ownerTeam: z.string().optional(),
  tasks: z.array(OpenTask),
  timers: z.array(z.object({ timerId: z.string(), fireAt: z.string() })),
  waitingFor: z.array(z.object({ subscriptionId: z.string(), messageName: z.string(), correlationKey: z.string().optional() })),
  /** The broadcast signals the case waits for (absent when none). */
  waitingForSignals: z.array(z.object({ subscriptionId: z.string(), signalName: z.string() })).optional(),
  data: CaseData,
  /** The code of the uncaught BPMN error that failed the case, passed to a calling case. */
  errorCode: z.string().optional(),
});
export type CaseView = z.infer<typeof CaseView>;
