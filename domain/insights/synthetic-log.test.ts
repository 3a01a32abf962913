import { describe, expect, it } from 'vitest';
import { CaseLogEvent } from '../events/case-log-event.ts';
import { generateSyntheticLog, mulberry32 } from './synthetic-log.ts';

describe('synthetic FNO log', () => {
  it('is the same for the same seed and different for another', () => {
    const a = generateSyntheticLog({ seed: 42, cases: 10, start: '2026-01-05T09:00:00Z' });
    expect(generateSyntheticLog({ seed: 42, cases: 10, start: '2026-01-05T09:00:00Z' })).toEqual(a);
    expect(generateSyntheticLog({ seed: 43, cases: 10, start: '2026-01-05T09:00:00Z' })).not.toEqual(a);
    expect(mulberry32(1)()).toBe(mulberry32(1)());
  });

  it('writes valid log events with unique ids, in time order, ending each finished case', () => {
    const log = generateSyntheticLog({ seed: 1, cases: 30, start: '2026-01-05T09:00:00Z', until: '2026-03-01T00:00:00Z' });
    for (const event of log) CaseLogEvent.parse(event);
    expect(new Set(log.map((e) => e.id)).size).toBe(log.length);
    for (let i = 1; i < log.length; i += 1) expect(log[i]!.at >= log[i - 1]!.at).toBe(true);
    expect(log.some((e) => e.kind === 'sla-breached')).toBe(true);
    expect(log.some((e) => e.kind === 'handoff-accepted')).toBe(true);
  });
});
