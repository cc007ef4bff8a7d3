import { describe, expect, it } from 'vitest';
import { LoginThrottle, loginThrottleOptions } from '../../server/auth/login-throttle';

describe('login throttle', () => {
  it('counts every one of many failures that arrive at once (no lost updates), per account and per address', async () => {
    const now = 1_000_000;
    const throttle = new LoginThrottle(loginThrottleOptions({ freeAttempts: 3, baseDelayMs: 1000, perAddress: { freeAttempts: 5, baseDelayMs: 1000 } }), () => now);
    await Promise.all(Array.from({ length: 10 }, () => throttle.recordFailure('alice', '10.0.0.1')));
    // 10 failures, 3 free: locked for 1 s × 2^6 for the pair; 5 free: 1 s × 2^4 for the address.
    expect(await throttle.retryAfterMs('alice', '10.0.0.1')).toBe(64_000);
    expect(await throttle.retryAfterMs('bob', '10.0.0.1')).toBe(16_000);
    expect(await throttle.retryAfterMs('alice', '10.0.0.2')).toBe(0);
  });
});
