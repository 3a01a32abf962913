// API keys for other systems (e.g. the appeals tribunal's or a travel-document service's
// adapters): `X-Api-Key: cmk_<id>_<secret>`; only its hash is stored, each key has scopes.
import { randomBytes } from 'node:crypto';
import type { Request } from 'express';
import type { Database } from '../../services/database.ts';
import { activeApiKey } from '../../services/api-keys.ts';
import type { UserRecord } from '../../services/accounts.ts';
import { recordAudit } from '../../services/audit.ts';
import { Problem } from '../problems/problem.ts';
import { hashToken } from './sessions.ts';

// The scopes are declared once, beside the access rules that use them: messages:send sends
// (POST /api/messages), messages:read lists the key's own sent messages (GET /api/messages/sent).
export { ApiKeyScopes } from '../access/access-rules.ts';

export function newApiKey(): { id: string; key: string } {
  const id = randomBytes(6).toString('hex');
  return { id, key: `cmk_${id}_${randomBytes(24).toString('base64url')}` };
}

export async function authenticateApiKey(db: Database, req: Request, scope: string): Promise<UserRecord> {
  const key = req.header('x-api-key') ?? req.headers.authorization?.match(/^ApiKey (.+)$/i)?.[1];
  if (!key) throw new Problem('unauthenticated', 'Send an API key in the X-Api-Key header.');
  const record = await activeApiKey(db, hashToken(key));
  if (!record) {
    await recordAudit(db, { action: 'api-key.use', source: req.ip, outcome: 'refused', detail: { reason: 'unknown or revoked key', path: req.path } });
    throw new Problem('unauthenticated', 'That API key is not valid or has been revoked.');
  }
  if (!record.scopes.includes(scope)) {
    await recordAudit(db, { actor: `api-key:${record.id}`, action: 'api-key.use', source: req.ip, outcome: 'refused', detail: { reason: `missing scope ${scope}`, path: req.path } });
    throw new Problem('forbidden', `API key "${record.name}" does not have the scope ${scope}.`);
  }
  return { id: `api-key:${record.id}`, username: record.name, displayName: record.name, roles: [], teams: [], leadOf: [] };
}
