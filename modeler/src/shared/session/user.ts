// The signed-in user as `GET /api/me` describes them, and what their roles let them see.
import { Role, User } from '../../../../domain/contract/identity.ts';

export { Role, User };

export const hasRole = (user: User, ...roles: Role[]): boolean => roles.some((role) => user.roles.includes(role));

export const displayNameOf = (user: User): string => user.displayName || user.username;

export interface NavItem {
  readonly href: string;
  readonly label: string;
}

/** The sections a user's roles open to them, in the order they appear in the navigation. */
export function navigationFor(user: User): NavItem[] {
  const items: NavItem[] = [];
  if (hasRole(user, 'caseworker', 'team-lead')) items.push({ href: '#/tasks', label: 'Tasks' });
  items.push({ href: '#/cases', label: 'Cases' });
  if (hasRole(user, 'designer', 'admin')) items.push({ href: '#/designer', label: 'Designer' });
  if (hasRole(user, 'analyst')) items.push({ href: '#/insights', label: 'Insights' });
  else {
    // Without the analyst role: team leads watch their cases at risk, designers the duplicated steps.
    if (hasRole(user, 'team-lead')) items.push({ href: '#/insights', label: 'At risk' });
    if (hasRole(user, 'designer')) items.push({ href: '#/insights/duplication', label: 'Duplication' });
  }
  return items;
}

/** Where a user lands after signing in. */
export function homeFor(user: User): string {
  return navigationFor(user)[0]?.href ?? '#/cases';
}
