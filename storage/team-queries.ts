// Reads of teams and memberships the access policy needs to check a reassignment's target.
import type { Sql } from './database.ts';

export async function teamExists(sql: Sql, teamId: string): Promise<boolean> {
  const rows = await sql.query<{ id: string }>('SELECT id FROM teams WHERE id = $1', [teamId]);
  return rows.length > 0;
}

/** Whether `userId` is an active member (or lead) of `teamId`. */
export async function isTeamMember(sql: Sql, userId: string, teamId: string): Promise<boolean> {
  const rows = await sql.query<{ userId: string }>(
    'SELECT m.user_id AS "userId" FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.user_id = $1 AND m.team_id = $2 AND NOT u.disabled',
    [userId, teamId],
  );
  return rows.length > 0;
}
