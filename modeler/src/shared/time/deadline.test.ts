import { describe, expect, it } from 'vitest';
import { describeDeadline } from './deadline.ts';

// Monday 5 January 2026, 10:00 in London (GMT).
const monday = new Date('2026-01-05T10:00:00Z');

describe('describeDeadline', () => {
  it('counts working days left, skipping the weekend', () => {
    expect(describeDeadline('2026-01-08T10:00:00Z', monday)).toMatchObject({ overdue: false, text: '3 working days left' });
    expect(describeDeadline('2026-01-12T10:00:00Z', monday)).toMatchObject({ overdue: false, text: '5 working days left' });
  });

  it('says due today for a deadline later the same day', () => {
    expect(describeDeadline('2026-01-05T16:00:00Z', monday)).toMatchObject({ overdue: false, text: 'Due today' });
  });

  it('marks a passed deadline overdue, in working days', () => {
    expect(describeDeadline('2026-01-01T10:00:00Z', monday)).toMatchObject({ overdue: true, text: 'Overdue by 1 working day' });
    expect(describeDeadline('2026-01-05T09:00:00Z', monday)).toMatchObject({ overdue: true, text: 'Overdue (was due today)' });
  });
});
