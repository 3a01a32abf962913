// API keys for other systems: only a SHA-256 of the key is stored; scopes say what a key may do.
import type { ApiKey } from '../domain/contract/admin.ts';
import type { Sql } from './database.ts';

/** An API key as the admin pages list it (never the key itself). */
export type ApiKeyRecord = ApiKey;

const columns = `id, name, scopes, created_by AS "createdBy", created_at AS "createdAt", revoked_at AS "revokedAt"`;

export async function createApiKey(sql: Sql, key: { id: string; name: string; keyHash: string; scopes: string[]; createdBy: string }): Promise<ApiKeyRecord> {
  const [row] = await sql.query<ApiKeyRecord>(`INSERT INTO api_keys (id, name, key_hash, scopes, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING ${columns}`, [key.id, key.name, key.keyHash, key.scopes, key.createdBy]);
  return row!;
}

export async function findActiveApiKey(sql: Sql, keyHash: string): Promise<ApiKeyRecord | null> {
  const [row] = await sql.query<ApiKeyRecord>(`SELECT ${columns} FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`, [keyHash]);
  return row ?? null;
}

export async function listApiKeys(sql: Sql): Promise<ApiKeyRecord[]> {
  return sql.query<ApiKeyRecord>(`SELECT ${columns} FROM api_keys ORDER BY created_at DESC`);
}

export async function revokeApiKey(sql: Sql, id: string): Promise<boolean> {
  const rows = await sql.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id]);
  return rows.length > 0;
}
