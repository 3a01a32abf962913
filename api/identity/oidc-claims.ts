// Turns the claims an OpenID Connect provider vouches for into a Casemap account: its id, name,
// roles and team memberships, through the configured claim → role and claim → team maps.
import { Roles, type Role } from '../../domain/contract/identity.ts';
import { Problem } from '../problems/problem.ts';

export interface ClaimMapping {
  providerName: string;
  /** Claim holding role-like values; dots name a nested claim (`realm_access.roles`). */
  rolesClaim: string;
  /** Claim value → Casemap roles; without a map, values that are Casemap role names count. */
  roleMap?: Record<string, Role[]>;
  teamsClaim: string;
  /** Claim value → team (and whether as its lead); without a map, values that are team ids count. */
  teamMap?: Record<string, { team: string; lead: boolean }>;
}

export interface ExternalAccount {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  memberships: { teamId: string; role: 'member' | 'lead' }[];
  /** Teams the map names that do not exist in Casemap (left out, reported in the audit). */
  unknownTeams: string[];
}

/** The string values of a claim: a string, or the strings of an array; anything else gives none. */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims;
  for (const name of path.split('.')) value = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[name] : undefined;
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= 200 ? value.trim() : undefined;
}

export function accountFromClaims(claims: Record<string, unknown>, mapping: ClaimMapping, knownTeams: ReadonlySet<string>): ExternalAccount {
  const subject = text(claims.sub);
  if (!subject) throw new Problem('unauthenticated', `${mapping.providerName} did not say who you are (no usable "sub" claim).`);
  const username = text(claims.preferred_username) ?? text(claims.email) ?? subject;

  const roles = new Set<Role>();
  for (const value of claimValues(claims, mapping.rolesClaim)) {
    const mapped = mapping.roleMap ? (mapping.roleMap[value] ?? []) : (Roles as readonly string[]).includes(value) ? [value as Role] : [];
    for (const role of mapped) roles.add(role);
  }

  const teams = new Map<string, 'member' | 'lead'>();
  const unknownTeams = new Set<string>();
  for (const value of claimValues(claims, mapping.teamsClaim)) {
    const entry = mapping.teamMap ? mapping.teamMap[value] : knownTeams.has(value) ? { team: value, lead: false } : undefined;
    if (!entry) continue;
    if (!knownTeams.has(entry.team)) unknownTeams.add(entry.team);
    else if (entry.lead || !teams.has(entry.team)) teams.set(entry.team, entry.lead ? 'lead' : 'member');
  }

  return {
    id: `oidc:${subject}`,
    username,
    displayName: text(claims.name) ?? username,
    roles: [...roles],
    memberships: [...teams].map(([teamId, role]) => ({ teamId, role })),
    unknownTeams: [...unknownTeams],
  };
}
