// Schemas shared by several resources: ids and pagination.
import { z } from 'zod';

export const DefinitionId = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,99}$/, 'Use letters, digits, - and _ (starting with a letter), at most 100 characters');
export const CaseId = z.string().min(1).max(200).regex(/^[A-Za-z0-9._-]+$/, 'A case id has letters, digits, ., _ and - only');
export const Page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};
export const DataRecord = z.record(z.string().max(200), z.unknown());
export const Empty = z.object({}).strict();
