// Where a case is in its life, as the workflow reports it and the case list filters by it.
import { z } from 'zod';

export const CaseStatus = z.enum(['running', 'completed', 'terminated', 'failed', 'cancelled']);
export type CaseStatus = z.infer<typeof CaseStatus>;
