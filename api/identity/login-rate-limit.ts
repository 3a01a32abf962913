// Slows password guessing: at most `limit` failed sign-ins per username and per address in a window.
export class LoginRateLimit {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 60_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((time) => now - time < this.windowMs);
    this.failures.set(key, times);
    return times;
  }

  /** Seconds to wait before trying again, or 0 when a try is allowed. */
  retryAfter(keys: string[], now = Date.now()): number {
    let wait = 0;
    for (const key of keys) {
      const times = this.recent(key, now);
      if (times.length >= this.limit) wait = Math.max(wait, Math.ceil((times[0]! + this.windowMs - now) / 1000));
    }
    return wait;
  }

  recordFailure(keys: string[], now = Date.now()): void {
    for (const key of keys) this.recent(key, now).push(now);
  }

  reset(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }
}
