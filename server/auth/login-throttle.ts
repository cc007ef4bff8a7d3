import { MemoryThrottleStore, type ThrottleStore } from './throttle-store';

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
 * the password, so guessing cannot go faster than the window.
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
  return { ...DEFAULT_LOGIN_THROTTLE, ...perAccount, perAddress: { ...DEFAULT_LOGIN_THROTTLE.perAddress, ...perAddress } };
}

export class LoginThrottle {
  constructor(
    private readonly options: LoginThrottleOptions,
    private readonly now: () => number,
    private readonly store: ThrottleStore = new MemoryThrottleStore(),
  ) {}

  private accountKey(username: string, ip: string): string {
    return `account\u0000${username.trim().toLowerCase()}\u0000${ip}`;
  }

  private addressKey(ip: string): string {
    return `address\u0000${ip}`;
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
    await Promise.all([this.bump(this.accountKey(username, ip), this.options), this.bump(this.addressKey(ip), this.options.perAddress)]);
  }

  async recordSuccess(username: string, ip: string): Promise<void> {
    await this.store.delete(this.accountKey(username, ip));
  }

  private async waitMs(key: string, policy: LockoutPolicy): Promise<number> {
    const record = await this.store.get(key);
    if (!record) return 0;
    const now = this.now();
    if (now - record.lastFailure > policy.forgetAfterMs) {
      await this.store.delete(key);
      return 0;
    }
    return Math.max(0, record.lockedUntil - now);
  }

  private async bump(key: string, policy: LockoutPolicy): Promise<void> {
    const now = this.now();
    await this.store.update(key, (previous) => {
      const failures = previous && now - previous.lastFailure <= policy.forgetAfterMs ? previous.failures + 1 : 1;
      const over = failures - policy.freeAttempts;
      const lockedUntil = over > 0 ? now + Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (over - 1)) : 0;
      return { failures, lastFailure: now, lockedUntil };
    });
  }
}
