import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../errors.js';
import { LoginThrottle, MAX_USER_DELAY_MS } from './login-throttle.js';

describe('login throttle', () => {
  const limits = { maxFailuresPerUser: 2, maxFailuresPerIp: 3, windowMinutes: 15 };

  it('counts parallel attempts before they are verified', async () => {
    const t = new LoginThrottle(limits, async () => undefined);
    let verified = 0;
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => t.attempt('u', '1.1.1.1', async () => (verified++, undefined))),
    );
    expect(verified).toBe(2);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof RateLimitedError)).toHaveLength(4);
  });

  it('verifies one attempt at a time per user', async () => {
    const t = new LoginThrottle({ ...limits, maxFailuresPerIp: 100, maxFailuresPerUser: 100 }, async () => undefined);
    let running = 0;
    let most = 0;
    const verify = async () => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return undefined;
    };
    await Promise.all(Array.from({ length: 5 }, (_, i) => t.attempt('u', `10.0.0.${i}`, verify)));
    expect(most).toBe(1);
  });

  it('slows a user down from the limit on, doubling up to a cap, and gives back the slot of a right password', async () => {
    const delays: number[] = [];
    const t = new LoginThrottle({ ...limits, maxFailuresPerIp: 100 }, async (ms) => delays.push(ms));
    expect([0, 1, 2, 3, 4, 20].map((n) => t.userDelayMs(n))).toEqual([0, 0, 500, 1000, 2000, MAX_USER_DELAY_MS]);
    for (let i = 0; i < 4; i++) await t.attempt('u', `10.0.1.${i}`, async () => undefined);
    expect(delays).toEqual([500, 1000]);
    expect(await t.attempt('u', '10.0.2.1', async () => 'ok')).toBe('ok');
    expect(delays).toEqual([500, 1000, 2000]);
  });
});
