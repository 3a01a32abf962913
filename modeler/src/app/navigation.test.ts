import { describe, expect, it } from 'vitest';
import { homeFor, navigationFor, type User } from '../shared/session/user.ts';
import { hrefFor, parseRoute } from '../shared/routing/hash-route.ts';

const user = (roles: string[]): User => ({ id: 'u', username: 'u', displayName: 'U', roles, teams: [], leadOf: [] });
const labels = (roles: string[]) => navigationFor(user(roles)).map((item) => item.label);

describe('navigationFor', () => {
  it('gives caseworkers their tasks first and no Designer', () => {
    expect(labels(['caseworker'])).toEqual(['Tasks', 'Cases']);
    expect(homeFor(user(['caseworker']))).toBe('#/tasks');
  });

  it('gives designers and admins the Designer', () => {
    expect(labels(['designer'])).toEqual(['Cases', 'Designer', 'Duplication']);
    expect(labels(['admin'])).toEqual(['Cases', 'Designer']);
  });

  it('links Insights for analysts, and only its at-risk list for team leads', () => {
    expect(labels(['analyst'])).toEqual(['Cases', 'Insights']);
    expect(labels(['team-lead', 'caseworker'])).not.toContain('Insights');
    expect(navigationFor(user(['team-lead', 'caseworker']))).toContainEqual({ href: '#/insights', label: 'At risk' });
  });
});

describe('hash routes', () => {
  it('round-trips a task-like id with a colon and a query', () => {
    const href = hrefFor(['cases', 'case:1/2'], { status: 'running', empty: undefined });
    const route = parseRoute(href);
    expect(route.path).toEqual(['cases', 'case:1/2']);
    expect(route.query.get('status')).toBe('running');
    expect(route.query.has('empty')).toBe(false);
  });
});
