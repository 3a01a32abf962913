// People's accounts: who a session or API key stands for, password checks, and accounts created or
// updated from an OpenID Connect provider's claims.
import type { Database } from '../storage/database.ts';
import { findAccountsHolding, findPasswordHash, findUserById, upsertUser, type UserRecord } from '../storage/identity-store.ts';
import { DUMMY_HASH, verifyPassword } from '../storage/password-hash.ts';
import type { Role } from '../domain/contract/identity.ts';

export type { UserRecord };

/** The active (not disabled) account with this id, with its roles and teams. */
export async function findActiveUser(db: Database, id: string): Promise<UserRecord | null> {
  return findUserById(db, id);
}

/**
 * The id of the active account `username` when `password` is its password, else null. An unknown
 * username still costs one hash check, so the answer's timing does not tell which usernames exist.
 */
export async function checkPassword(db: Database, username: string, password: string): Promise<string | null> {
  const account = await findPasswordHash(db, username);
  const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
  return account && ok ? account.id : null;
}

/** Accounts holding this id or this username, disabled ones too: checked before an external sign-in takes them. */
export async function accountsHolding(db: Database, id: string, username: string): Promise<{ id: string; username: string; disabled: boolean }[]> {
  return findAccountsHolding(db, id, username);
}

export interface ExternalAccountUpdate {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  memberships: { teamId: string; role: 'member' | 'lead' }[];
}

/** Creates or updates an account vouched for by an identity provider (no password), memberships replaced, in one transaction. */
export async function saveExternalAccount(db: Database, account: ExternalAccountUpdate): Promise<void> {
  await db.transaction((tx) => upsertUser(tx, { ...account, passwordHash: null }));
}
