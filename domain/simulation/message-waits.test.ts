// Message waits are fitted from the case log's awaited/received pairs, not from the catch event's own
// visit (which behind an event-based gateway lasts no time at all).
import { describe, expect, it } from 'vitest';
import type { CaseLogEvent } from '../events/case-log-event.ts';
import { fitMessageWaits } from './message-waits.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2027-01-04T09:00:00Z');
let n = 0;
const at = (days: number) => new Date(T0 + days * DAY).toISOString();
const event = (caseId: string, kind: CaseLogEvent['kind'], days: number, extra: Partial<CaseLogEvent> = {}): CaseLogEvent => ({ id: `${caseId}:${++n}`, caseId, kind, at: at(days), data: {}, ...extra });
const awaited = (caseId: string, days: number, subscriptionId: string) => event(caseId, 'message-awaited', days, { nodeId: 'reply', data: { subscriptionId, messageName: 'reply' } });
const ended = (caseId: string, days: number, subscriptionId: string) => event(caseId, 'message-wait-ended', days, { data: { subscriptionId } });
const received = (caseId: string, days: number) => event(caseId, 'message-received', days, { nodeId: 'reply', data: { messageName: 'reply', correlated: true } });

describe('fitMessageWaits', () => {
  it('measures a wait from the message being awaited to its arrival, not from the catch event being entered', () => {
    const waits = fitMessageWaits([awaited('a', 0, 'reply#1'), event('a', 'element-entered', 3, { nodeId: 'reply' }), received('a', 3), event('a', 'element-completed', 3, { nodeId: 'reply' })]);
    expect(waits.reply).toEqual({ received: [3 * DAY], neverCame: 0 });
  });

  it('counts a wait that ended without its message (the timer won) as a message that never came', () => {
    const waits = fitMessageWaits([awaited('a', 0, 'reply#1'), ended('a', 14, 'reply#1'), awaited('b', 1, 'reply#1'), received('b', 6)]);
    expect(waits.reply).toEqual({ received: [5 * DAY], neverCame: 1 });
  });

  it('pairs a message with its own wait when the workflow logs the wait ending just before the message, and a loop waits again', () => {
    // Round one: the timer won after 28 days; round two: the message came 4 days into the new wait.
    const waits = fitMessageWaits([awaited('a', 0, 'reply#1'), ended('a', 28, 'reply#1'), awaited('a', 30, 'reply#2'), ended('a', 34, 'reply#2'), received('a', 34)]);
    expect(waits.reply).toEqual({ received: [4 * DAY], neverCame: 1 });
  });

  it('leaves out a wait still open at the end of the log: it says neither how long nor whether', () => {
    expect(fitMessageWaits([awaited('a', 0, 'reply#1')])).toEqual({});
  });
});
