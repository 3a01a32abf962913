// Role rules: which roles may use which kind of route. Object-level rules (which team's case or
// task) live beside the queries in case-access.ts.
import type { Role } from '../../domain/contract/identity.ts';
import type { UserRecord } from '../../services/accounts.ts';
import { Problem } from '../problems/problem.ts';

export function hasAnyRole(user: UserRecord, roles: readonly Role[]): boolean {
  return user.roles.includes('admin') || roles.some((role) => user.roles.includes(role));
}

export function requireRole(user: UserRecord, roles: readonly Role[], action: string): void {
  if (!hasAnyRole(user, roles)) throw new Problem('forbidden', `${action} needs one of the roles: ${roles.join(', ')}.`);
}

/** Admins and analysts see every case (analysts read only); others see their teams' cases. */
export function seesAllCases(user: UserRecord): boolean {
  return hasAnyRole(user, ['analyst']);
}
