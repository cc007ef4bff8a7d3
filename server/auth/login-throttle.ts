import type { ThrottleRecord, ThrottleStore } from './throttle-store';

/**
 * Slows down password guessing on two counts:
 * - per username + client address: the first `freeAttempts` failures cost nothing; every
 *   further failure locks that pair out for an exponentially growing window (baseDelayMs, ×2
 *   each time, at most maxDelayMs). A successful login clears the pair's record.
 * - per client address across all usernames (`perAddress`), against password spraying (one
 *   guess for each of many accounts): the same rule with its own, larger allowance. A success
 *   does not clear it, or a sprayer who knows one password could reset it at will; it is
 *   forgotten after `forgetAfterMs` without a failure.
 * While either is locked out, attempts are refused with 429 and Retry-After without looking at
 * the password, so guessing cannot go faster than the window. The counts live in the database
 * (throttle-store.ts), shared by every server node.
 */
export interface LockoutPolicy {
  freeAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures are forgotten after this long without another one. */
  forgetAfterMs: number;
}

export interface LoginThrottleOptions extends LockoutPolicy {
  perAddress: LockoutPolicy;
}

/** Partial settings, as tests and the server options give them. */
export type LoginThrottleSettings = Partial<LockoutPolicy> & { perAddress?: Partial<LockoutPolicy> };

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = {
  freeAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
  forgetAfterMs: 24 * 60 * 60 * 1000,
  // An office behind one NAT address shares this: room for everyone's typos in an hour.
  perAddress: { freeAttempts: 30, baseDelayMs: 1000, maxDelayMs: 15 * 60 * 1000, forgetAfterMs: 60 * 60 * 1000 },
};

export function loginThrottleOptions(settings: LoginThrottleSettings = {}): LoginThrottleOptions {
  const { perAddress, ...perAccount } = settings;
  return {
    ...DEFAULT_LOGIN_THROTTLE,
    ...perAccount,
    perAddress: { ...DEFAULT_LOGIN_THROTTLE.perAddress, ...perAddress },
  };
}

/** When a record's lockout ends: its last failure plus the delay its count over the free ones earns (0: not locked). */
export function lockedUntil(record: ThrottleRecord, policy: LockoutPolicy): number {
  const over = record.failures - policy.freeAttempts;
  if (over <= 0) return 0;
  // The exponent is capped: past 2^40 × baseDelayMs every sane maxDelayMs has long been reached.
  return record.lastFailure + Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(over - 1, 40));
}

export class LoginThrottle {
  constructor(
    private readonly options: LoginThrottleOptions,
    private readonly now: () => number,
    private readonly store: ThrottleStore,
  ) {}

  private accountKey(username: string, ip: string): string {
    return `account\u0000${username.trim().toLowerCase()}\u0000${ip}`;
  }

  private addressKey(ip: string): string {
    return `address\u0000${ip}`;
  }

  /** The longest time, over all the policies, that records may still count for. */
  get forgetAfterMs(): number {
    return Math.max(this.options.forgetAfterMs, this.options.perAddress.forgetAfterMs);
  }

  /** Milliseconds until this username may be tried from this address again; 0 when it may be now. */
  async retryAfterMs(username: string, ip: string): Promise<number> {
    const [account, address] = await Promise.all([
      this.waitMs(this.accountKey(username, ip), this.options),
      this.waitMs(this.addressKey(ip), this.options.perAddress),
    ]);
    return Math.max(account, address);
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    const now = this.now();
    await Promise.all([
      this.store.recordFailure(this.accountKey(username, ip), now, this.options.forgetAfterMs),
      this.store.recordFailure(this.addressKey(ip), now, this.options.perAddress.forgetAfterMs),
    ]);
  }

  async recordSuccess(username: string, ip: string): Promise<void> {
    await this.store.delete(this.accountKey(username, ip));
  }

  private async waitMs(key: string, policy: LockoutPolicy): Promise<number> {
    const record = await this.store.get(key);
    const now = this.now();
    // A stale record counts for nothing; the next failure starts it again, housekeeping drops it.
    if (!record || now - record.lastFailure > policy.forgetAfterMs) return 0;
    return Math.max(0, lockedUntil(record, policy) - now);
  }
}
