// Demo teams and users for a local `npm start`, one per role, so every view can be tried at once.
// Never seeded in production mode, where there are no default credentials.
import type { Database } from '../storage/database.ts';
import { upsertTeam, upsertUser, type Role } from '../storage/identity-store.ts';
import { hashPassword } from '../storage/password-hash.ts';

export const DEMO_PASSWORD = 'casemap-demo';

export const demoTeams = [
  { id: 'prison-casework', name: 'FNO prison casework' },
  { id: 'fno-returns', name: 'FNO Returns Command' },
  { id: 'barrier-clearance', name: 'Asylum and barrier clearance' },
  { id: 'redocumentation', name: 'Re-documentation unit' },
  { id: 'removals-logistics', name: 'National Removals Command' },
  { id: 'escorting', name: 'Escorting contractor liaison' },
];

type DemoUser = { username: string; displayName: string; roles: Role[]; memberships: { teamId: string; role: 'member' | 'lead' }[] };

export const demoUsers: DemoUser[] = [
  { username: 'admin', displayName: 'Ada Admin', roles: ['admin'], memberships: [] },
  { username: 'designer', displayName: 'Dev Designer', roles: ['designer'], memberships: [] },
  { username: 'analyst', displayName: 'Ana Analyst', roles: ['analyst'], memberships: [] },
  { username: 'priya', displayName: 'Priya (prison casework)', roles: ['caseworker'], memberships: [{ teamId: 'prison-casework', role: 'member' }] },
  { username: 'tom', displayName: 'Tom (FNO Returns)', roles: ['caseworker'], memberships: [{ teamId: 'fno-returns', role: 'member' }] },
  { username: 'lena', displayName: 'Lena (FNO Returns lead)', roles: ['caseworker', 'team-lead'], memberships: [{ teamId: 'fno-returns', role: 'lead' }] },
  { username: 'bilal', displayName: 'Bilal (barrier clearance)', roles: ['caseworker'], memberships: [{ teamId: 'barrier-clearance', role: 'member' }] },
  { username: 'rosa', displayName: 'Rosa (re-documentation)', roles: ['caseworker'], memberships: [{ teamId: 'redocumentation', role: 'member' }] },
  { username: 'nico', displayName: 'Nico (removals)', roles: ['caseworker', 'team-lead'], memberships: [{ teamId: 'removals-logistics', role: 'lead' }, { teamId: 'escorting', role: 'member' }] },
];

export async function seedDemoIdentities(db: Database): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const team of demoTeams) await upsertTeam(db, team);
  // One transaction per user: a replica serving while another seeds reads each user whole, old or new.
  for (const user of demoUsers) await db.transaction((tx) => upsertUser(tx, { id: user.username, passwordHash, ...user }));
}
