// Administration: API keys for other systems, teams, and the audit log.
import type { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../services/database.ts';
import { addApiKey, allApiKeys, revokeKey } from '../../services/api-keys.ts';
import { latestAudit, recordAudit } from '../../services/audit.ts';
import { allTeams } from '../../services/teams.ts';
import { notFound } from '../problems/problem.ts';
import { queryNumber } from '../../domain/contract/request-fields.ts';
import type { RouteTable } from '../routes/route.ts';
import { ApiKeyScopes, newApiKey } from '../identity/api-keys.ts';
import { hashToken } from '../identity/sessions.ts';
import { ApiKeyList, AuditList, CreatedApiKey, TeamList } from '../../domain/contract/admin.ts';

const CreateKeyBody = z.object({ name: z.string().min(1).max(200), scopes: z.array(z.enum(ApiKeyScopes)).min(1) }).strict();
const KeyParams = z.object({ id: z.string().regex(/^[0-9a-f]{12}$/, 'An API key id is 12 hexadecimal characters') });
const AuditQuery = z.object({ limit: queryNumber(z.coerce.number<number>().int().min(1).max(1000)).default(100) }).strict();

export function adminRoutes(table: RouteTable, router: Router, db: Database): void {
  const tag = 'admin';

  table.add(router, { method: 'post', path: '/admin/api-keys', summary: 'Create an API key (the key is shown once)', tag, rule: 'admin', body: CreateKeyBody, response: CreatedApiKey, successStatus: 201 }, async ({ req, user, body }) => {
    const { id, key } = newApiKey();
    const record = await addApiKey(db, { id, name: body.name, keyHash: hashToken(key), scopes: body.scopes, createdBy: user.id });
    await recordAudit(db, { actor: user.id, action: 'api-key.create', target: id, source: req.ip, detail: { scopes: body.scopes } });
    return { ...record, key };
  });

  table.add(router, { method: 'get', path: '/admin/api-keys', summary: 'List API keys (never the keys themselves)', tag, rule: 'admin', response: ApiKeyList }, async () => ({ items: await allApiKeys(db) }));

  table.add(router, { method: 'delete', path: '/admin/api-keys/:id', summary: 'Revoke an API key', tag, rule: 'admin', params: KeyParams, successStatus: 204 }, async ({ req, user, params }) => {
    if (!(await revokeKey(db, params.id))) throw notFound(`Active API key ${params.id}`);
    await recordAudit(db, { actor: user.id, action: 'api-key.revoke', target: params.id, source: req.ip });
    return undefined;
  });

  table.add(router, { method: 'get', path: '/admin/audit', summary: 'The audit log, newest first', tag, rule: 'admin', query: AuditQuery, response: AuditList }, async ({ query }) => ({ items: await latestAudit(db, query.limit) }));

  table.add(router, { method: 'get', path: '/teams', summary: 'Teams', tag, rule: 'teams.read', response: TeamList }, async () => ({ items: await allTeams(db) }));
}
