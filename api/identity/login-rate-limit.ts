// Slows password guessing: at most `perUser` sign-in attempts per username and `perAddress` per
// client address in a window. An attempt is counted before its password is checked (hashing is
// slow and async, so counting after it let parallel guesses all pass the check), atomically in the
// database (so several API processes share one count). A failed attempt stays counted; a
// successful one clears its username's count and gives its address's attempt back.
import type { Database } from '../../services/database.ts';
import { countLoginAttempt, forgiveLoginAttempt } from '../../services/login-attempts.ts';

export interface LoginLimits {
  perUser: number;
  /** Higher than per user: an office behind one NAT address has many people mistyping. */
  perAddress: number;
  windowSeconds: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perUser: 5, perAddress: 20, windowSeconds: 60 };

export type LoginAttempt = { allowed: false; retryAfterSeconds: number } | { allowed: true; succeeded(): Promise<void> };

export class LoginRateLimit {
  constructor(
    private readonly db: Database,
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  /** Counts one attempt for this username from this address, and says whether it may be checked. */
  async attempt(username: string, address: string): Promise<LoginAttempt> {
    const userKey = `user:${username.toLowerCase()}`;
    const addressKey = `address:${address}`;
    const counts = await countLoginAttempt(this.db, [userKey, addressKey], this.limits.windowSeconds);
    const over = counts.filter((count) => count.attempts > (count.key === userKey ? this.limits.perUser : this.limits.perAddress));
    if (over.length > 0) return { allowed: false, retryAfterSeconds: Math.max(...over.map((count) => count.windowLeftSeconds)) };
    return {
      allowed: true,
      succeeded: () => forgiveLoginAttempt(this.db, userKey, addressKey, this.limits.windowSeconds),
    };
  }
}
