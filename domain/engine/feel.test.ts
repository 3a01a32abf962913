// FEEL over case data in the engine: the clock comes from the step, not from the data.
import { describe, expect, it } from 'vitest';
import { conditionHolds, evaluateFeel, feelText } from './feel.ts';

const NOW = '2026-03-10T09:00:00Z';

describe('evaluateFeel', () => {
  it('reads now() and today() from the step, even when the case data has fields named now and today', () => {
    const data = { now: '1999-01-01T00:00:00Z', today: '1999-01-01' };
    const today = evaluateFeel('today()', data, NOW);
    expect(today.ok && feelText(today.value)).toBe('2026-03-10');
    expect(conditionHolds('now() > date and time("2026-01-01T00:00:00Z")', data, NOW)).toEqual({ ok: true, value: true });
  });

  it('fails an expression over the work budget with the reason, instead of running on', () => {
    const outcome = evaluateFeel('={f: function(n) if n <= 0 then 1 else f(n-1) + f(n-1), r: f(depth)}.r > 0', { depth: 40 }, NOW);
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/^Casemap stopped evaluating it: it does more work than the [\d,]+ steps Casemap allows one expression/) });
  });
});
