// Teams and their members, as the team list and the access policy's reassignment check need them.
import type { Database } from '../storage/database.ts';
import { listTeams } from '../storage/identity-store.ts';
import { isTeamMember, teamExists } from '../storage/team-queries.ts';

export async function allTeams(db: Database): Promise<{ id: string; name: string }[]> {
  return listTeams(db);
}

export async function isTeam(db: Database, teamId: string): Promise<boolean> {
  return teamExists(db, teamId);
}

/** Whether `userId` is an active member (or lead) of `teamId`. */
export async function isMemberOf(db: Database, userId: string, teamId: string): Promise<boolean> {
  return isTeamMember(db, userId, teamId);
}
