/**
 * Slows down password guessing: per username + client address, the first `freeAttempts`
 * failures cost nothing; every further failure locks that pair out for an exponentially growing
 * window (baseDelayMs, ×2 each time, at most maxDelayMs). While locked out, attempts are refused
 * with 429 and Retry-After without looking at the password, so guessing cannot go faster than
 * the window. A successful login clears the record. Kept in memory: one server process.
 */
export interface LoginThrottleOptions {
  freeAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures are forgotten after this long without another one. */
  forgetAfterMs: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = {
  freeAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
  forgetAfterMs: 24 * 60 * 60 * 1000,
};

interface Entry {
  failures: number;
  lastFailure: number;
  lockedUntil: number;
}

const MAX_ENTRIES = 100_000;

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly options: LoginThrottleOptions,
    private readonly now: () => number,
  ) {}

  private key(username: string, ip: string): string {
    return `${username.trim().toLowerCase()}\u0000${ip}`;
  }

  /** Milliseconds until this pair may try again; 0 when it may try now. */
  retryAfterMs(username: string, ip: string): number {
    const entry = this.entries.get(this.key(username, ip));
    if (!entry) return 0;
    const now = this.now();
    if (now - entry.lastFailure > this.options.forgetAfterMs) {
      this.entries.delete(this.key(username, ip));
      return 0;
    }
    return Math.max(0, entry.lockedUntil - now);
  }

  recordFailure(username: string, ip: string): void {
    const key = this.key(username, ip);
    const now = this.now();
    const previous = this.entries.get(key);
    const failures = previous && now - previous.lastFailure <= this.options.forgetAfterMs ? previous.failures + 1 : 1;
    const over = failures - this.options.freeAttempts;
    const lockedUntil = over > 0 ? now + Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (over - 1)) : 0;
    this.entries.delete(key);
    this.entries.set(key, { failures, lastFailure: now, lockedUntil });
    if (this.entries.size > MAX_ENTRIES) this.prune(now);
  }

  recordSuccess(username: string, ip: string): void {
    this.entries.delete(this.key(username, ip));
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) {
      if (now - entry.lastFailure > this.options.forgetAfterMs || this.entries.size > MAX_ENTRIES) this.entries.delete(key);
      else break;
    }
  }
}
