import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.ts';
import { mulberry32 } from '../insights/synthetic-log.ts';

describe('EventQueue', () => {
  it('gives events back by instant, and events at one instant in the order they were pushed', () => {
    const queue = new EventQueue<string>();
    const random = mulberry32(7);
    const pushed: { at: number; name: string }[] = [];
    for (let i = 0; i < 500; i += 1) {
      const item = { at: Math.floor(random() * 50), name: `e${i}` };
      pushed.push(item);
      queue.push(item.at, item.name);
    }
    const expected = [...pushed].sort((a, b) => a.at - b.at).map((item) => item.name);
    const popped: string[] = [];
    for (let next = queue.pop(); next; next = queue.pop()) popped.push(next.event);
    expect(popped).toEqual(expected);
    expect(queue.size).toBe(0);
  });
});
