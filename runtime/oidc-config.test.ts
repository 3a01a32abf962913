import { describe, expect, it } from 'vitest';
import { readOidcConfig } from './oidc-config.ts';

const required = { CASEMAP_OIDC_ISSUER: 'https://sso.example.org/realms/casework', CASEMAP_OIDC_CLIENT_ID: 'casemap', CASEMAP_OIDC_REDIRECT_URL: 'https://casemap.example.org/api/auth/oidc/callback' };

describe('readOidcConfig', () => {
  it('is off without an issuer', () => {
    expect(readOidcConfig({})).toBeUndefined();
  });

  it('reads the maps, normalising one role to a list and a team id to a membership', () => {
    const config = readOidcConfig({ ...required, CASEMAP_OIDC_ROLE_MAP: '{"fno-staff":"caseworker","fno-leads":["team-lead","caseworker"]}', CASEMAP_OIDC_TEAM_MAP: '{"fno-staff":"fno-returns","fno-leads":{"team":"fno-returns","lead":true}}' });
    expect(config).toMatchObject({ providerName: 'single sign-on', rolesClaim: 'roles', teamsClaim: 'groups', roleMap: { 'fno-staff': ['caseworker'], 'fno-leads': ['team-lead', 'caseworker'] }, teamMap: { 'fno-staff': { team: 'fno-returns', lead: false }, 'fno-leads': { team: 'fno-returns', lead: true } } });
  });

  it.each([
    [{ CASEMAP_OIDC_ISSUER: required.CASEMAP_OIDC_ISSUER }, /CASEMAP_OIDC_CLIENT_ID: needed[\s\S]*CASEMAP_OIDC_REDIRECT_URL: needed/],
    [{ ...required, CASEMAP_OIDC_ROLE_MAP: '{not json' }, /CASEMAP_OIDC_ROLE_MAP: must be a JSON object/],
    [{ ...required, CASEMAP_OIDC_ROLE_MAP: '{"staff":"wizard"}' }, /CASEMAP_OIDC_ROLE_MAP/],
    [{ ...required, CASEMAP_OIDC_ISSUER: 'not a url' }, /CASEMAP_OIDC_ISSUER/],
  ])('names each bad setting', (env, message) => {
    expect(() => readOidcConfig(env)).toThrow(message);
  });
});
