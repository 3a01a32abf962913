// Administration as the API answers it: API keys (the key itself shown once), the audit log, teams.
import { z } from 'zod';

export const ApiKey = z.object({ id: z.string(), name: z.string(), scopes: z.array(z.string()), createdBy: z.string().nullable(), createdAt: z.string(), revokedAt: z.string().nullable() });
export type ApiKey = z.infer<typeof ApiKey>;

export const CreatedApiKey = ApiKey.extend({ key: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

export const ApiKeyList = z.object({ items: z.array(ApiKey) });
export type ApiKeyList = z.infer<typeof ApiKeyList>;

export const AuditRecord = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  source: z.string().nullable(),
  outcome: z.enum(['ok', 'refused', 'failed']),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

export const AuditList = z.object({ items: z.array(AuditRecord) });
export type AuditList = z.infer<typeof AuditList>;

export const TeamList = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });
export type TeamList = z.infer<typeof TeamList>;
