// Case and form data as it crosses a boundary: named values, as the process's forms and
// expressions read them. The API caps its size on the way in (DataRecord in request-fields.ts).
import { z } from 'zod';

export const CaseData = z.record(z.string(), z.unknown());
export type CaseData = z.infer<typeof CaseData>;
