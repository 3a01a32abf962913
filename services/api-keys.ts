// API keys for other systems: created (only the key's hash is stored), listed, revoked, and looked
// up by hash when a request presents one.
import type { Database } from '../storage/database.ts';
import { createApiKey, findActiveApiKey, listApiKeys, revokeApiKey } from '../storage/api-key-store.ts';
import type { ApiKey } from '../domain/contract/admin.ts';

export async function addApiKey(db: Database, key: { id: string; name: string; keyHash: string; scopes: string[]; createdBy: string }): Promise<ApiKey> {
  return createApiKey(db, key);
}

export async function activeApiKey(db: Database, keyHash: string): Promise<ApiKey | null> {
  return findActiveApiKey(db, keyHash);
}

export async function allApiKeys(db: Database): Promise<ApiKey[]> {
  return listApiKeys(db);
}

/** False when there is no active key with this id. */
export async function revokeKey(db: Database, id: string): Promise<boolean> {
  return revokeApiKey(db, id);
}
