// Which inbox views a user is offered: escalations go to team leads (and admins) only.
import { describe, expect, it } from 'vitest';
import { inboxViewsFor } from './get-tasks.ts';

const ids = (user: { roles: string[]; leadOf: string[] }) => inboxViewsFor(user).map((view) => view.id);

describe('inboxViewsFor', () => {
  it('offers a caseworker the five working views and no escalations', () => {
    expect(ids({ roles: ['caseworker'], leadOf: [] })).toEqual(['mine', 'team', 'unassigned', 'overdue', 'due-soon']);
  });

  it('adds the escalated view for the lead of a team and for an admin', () => {
    expect(ids({ roles: ['caseworker', 'team-lead'], leadOf: ['fno-returns'] })).toContain('escalated');
    expect(ids({ roles: ['admin'], leadOf: [] })).toContain('escalated');
  });
});
