import { describe, expect, it } from 'vitest';
import { accountFromClaims, claimValues, type ClaimMapping } from './oidc-claims.ts';

const teams = new Set(['fno-returns', 'barrier-clearance']);
const unmapped: ClaimMapping = { providerName: 'SSO', rolesClaim: 'roles', teamsClaim: 'groups' };
const mapped: ClaimMapping = {
  ...unmapped,
  rolesClaim: 'realm_access.roles',
  roleMap: { 'fno-leads': ['team-lead', 'caseworker'], 'fno-staff': ['caseworker'] },
  teamMap: { 'fno-staff': { team: 'fno-returns', lead: false }, 'fno-leads': { team: 'fno-returns', lead: true }, ghosts: { team: 'ghost-unit', lead: false } },
};

describe('accountFromClaims', () => {
  it('reads a string, an array of strings or a nested claim, and nothing else', () => {
    expect(claimValues({ a: 'x' }, 'a')).toEqual(['x']);
    expect(claimValues({ a: ['x', 3, 'y'] }, 'a')).toEqual(['x', 'y']);
    expect(claimValues({ a: { b: ['x'] } }, 'a.b')).toEqual(['x']);
    expect(claimValues({ a: 3 }, 'a')).toEqual([]);
    expect(claimValues({}, 'a.b')).toEqual([]);
  });

  it('without maps, takes values that already are role names and team ids', () => {
    const account = accountFromClaims({ sub: 's1', preferred_username: 'sam', roles: ['caseworker', 'wizard'], groups: ['fno-returns', 'elsewhere'] }, unmapped, teams);
    expect(account).toEqual({ id: 'oidc:s1', username: 'sam', displayName: 'sam', roles: ['caseworker'], memberships: [{ teamId: 'fno-returns', role: 'member' }], unknownTeams: [] });
  });

  it('maps values through the maps, a lead membership winning over a plain one, and reports teams Casemap lacks', () => {
    const account = accountFromClaims({ sub: 's2', email: 'lee@example.org', name: 'Lee', realm_access: { roles: ['fno-staff', 'fno-leads'] }, groups: ['fno-staff', 'fno-leads', 'ghosts'] }, mapped, teams);
    expect(account.username).toBe('lee@example.org');
    expect(account.displayName).toBe('Lee');
    expect([...account.roles].sort()).toEqual(['caseworker', 'team-lead']);
    expect(account.memberships).toEqual([{ teamId: 'fno-returns', role: 'lead' }]);
    expect(account.unknownTeams).toEqual(['ghost-unit']);
  });

  it('refuses claims without a usable subject', () => {
    expect(() => accountFromClaims({ preferred_username: 'x' }, unmapped, teams)).toThrow(/no usable "sub" claim/);
  });
});
