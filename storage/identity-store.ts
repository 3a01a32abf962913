// Users, teams, memberships and sessions.
import type { Role, User } from '../domain/contract/identity.ts';
import type { Sql } from './database.ts';

export { Roles, type Role } from '../domain/contract/identity.ts';

/** A signed-in person as the server holds them: the contract's User, with roles Casemap knows. */
export type UserRecord = Omit<User, 'roles'> & { roles: Role[] };

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  teams: string[] | null;
  lead_of: string[] | null;
}

const userSelect = `
  SELECT u.id, u.username, u.display_name, u.roles,
    array_remove(array_agg(m.team_id), NULL) AS teams,
    array_remove(array_agg(CASE WHEN m.role = 'lead' THEN m.team_id END), NULL) AS lead_of
  FROM users u LEFT JOIN memberships m ON m.user_id = u.id`;

function toUser(row: UserRow): UserRecord {
  return { id: row.id, username: row.username, displayName: row.display_name, roles: row.roles, teams: row.teams ?? [], leadOf: row.lead_of ?? [] };
}

export async function findUserById(sql: Sql, id: string): Promise<UserRecord | null> {
  const rows = await sql.query<UserRow>(`${userSelect} WHERE u.id = $1 AND NOT u.disabled GROUP BY u.id`, [id]);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function findPasswordHash(sql: Sql, username: string): Promise<{ id: string; passwordHash: string | null } | null> {
  const rows = await sql.query<{ id: string; password_hash: string | null }>('SELECT id, password_hash FROM users WHERE username = $1 AND NOT disabled', [username]);
  return rows[0] ? { id: rows[0].id, passwordHash: rows[0].password_hash } : null;
}

/** Accounts holding this id or this username, disabled ones too: checked before an external sign-in takes them. */
export async function findAccountsHolding(sql: Sql, id: string, username: string): Promise<{ id: string; username: string; disabled: boolean }[]> {
  return sql.query('SELECT id, username, disabled FROM users WHERE id = $1 OR username = $2', [id, username]);
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string | null;
  roles: Role[];
  memberships: { teamId: string; role: 'member' | 'lead' }[];
}

/** Creates or updates a user and replaces their memberships (used by seeding and admin). */
export async function upsertUser(sql: Sql, user: NewUser): Promise<void> {
  await sql.query(
    `INSERT INTO users (id, username, display_name, password_hash, roles) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username, display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash, roles = EXCLUDED.roles`,
    [user.id, user.username, user.displayName, user.passwordHash, user.roles],
  );
  // The memberships the user keeps are written first and only the ones they lose are deleted after,
  // never "delete all, insert again": an API replica restarting re-seeds the demo users while the
  // others serve them, and a request read between the two (nico's completion in the cluster fault
  // test) found the user in no team and was refused 404 for a task of their own team.
  for (const membership of user.memberships) {
    // Several API processes seed the demo users as they start together: the same row may arrive twice.
    await sql.query('INSERT INTO memberships (user_id, team_id, role) VALUES ($1, $2, $3) ON CONFLICT (user_id, team_id) DO UPDATE SET role = EXCLUDED.role', [user.id, membership.teamId, membership.role]);
  }
  await sql.query('DELETE FROM memberships WHERE user_id = $1 AND NOT (team_id = ANY($2::text[]))', [user.id, user.memberships.map((membership) => membership.teamId)]);
}

export async function upsertTeam(sql: Sql, team: { id: string; name: string }): Promise<void> {
  await sql.query('INSERT INTO teams (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name', [team.id, team.name]);
}

export async function listTeams(sql: Sql): Promise<{ id: string; name: string }[]> {
  return sql.query('SELECT id, name FROM teams ORDER BY name');
}

export async function createSession(sql: Sql, session: { tokenHash: string; userId: string; csrfToken: string; expiresAt: string; createdAt: string }): Promise<void> {
  await sql.query('INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $5)', [
    session.tokenHash,
    session.userId,
    session.csrfToken,
    session.expiresAt,
    session.createdAt,
  ]);
}

export interface SessionRecord {
  userId: string;
  csrfToken: string;
  expiresAt: string;
  lastSeenAt: string;
}

/**
 * A session and its user (null when the account is disabled or gone) in one round trip: every
 * signed-in request needs both, and asking for the user only after the session cost a second one.
 */
export async function findSessionWithUser(sql: Sql, tokenHash: string): Promise<{ session: SessionRecord; user: UserRecord | null } | null> {
  const rows = await sql.query<{ user_id: string; csrf_token: string; expires_at: string; last_seen_at: string } & ({ [K in keyof UserRow]: UserRow[K] | null })>(
    `SELECT s.user_id, s.csrf_token, s.expires_at, s.last_seen_at, a.*
       FROM sessions s LEFT JOIN LATERAL (${userSelect} WHERE u.id = s.user_id AND NOT u.disabled GROUP BY u.id) a ON true
      WHERE s.token_hash = $1`,
    [tokenHash],
    // Every signed-in request runs it: parsing and planning its lateral join each time cost three
    // times its execution (0.48 against 0.12 ms a request on PostgreSQL, docs/benchmarks.md).
    { prepared: true },
  );
  const row = rows[0];
  if (!row) return null;
  const session = { userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at };
  return { session, user: row.id === null ? null : toUser(row as UserRow) };
}

/** Slides the idle timeout; a no-op when another request already did since `staleBefore`. */
export async function markSessionSeen(sql: Sql, tokenHash: string, at: string, staleBefore: string): Promise<void> {
  await sql.query('UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at < $3', [tokenHash, at, staleBefore]);
}

export async function deleteSession(sql: Sql, tokenHash: string): Promise<void> {
  await sql.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}
