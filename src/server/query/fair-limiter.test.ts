import { describe, expect, it } from 'vitest';
import { FairLimiter } from './fair-limiter.js';

describe('FairLimiter', () => {
  it('caps the total and each key, and serves a waiting key that is under its cap first', async () => {
    const limiter = new FairLimiter(2, 1);
    const order: string[] = [];
    const a1 = await limiter.acquire('a');
    const a2 = limiter.acquire('a').then((r) => (order.push('a2'), r));
    const b1 = limiter.acquire('b').then((r) => (order.push('b1'), r));
    await Promise.resolve();
    await b1;
    expect(order).toEqual(['b1']);
    expect(limiter.active).toBe(2);
    expect(limiter.waiting).toBe(1);
    a1();
    (await a2)();
    expect(order).toEqual(['b1', 'a2']);
    (await b1)();
    expect(limiter.active).toBe(0);
  });

  it('gives up waiting when the signal aborts, and a release counts once', async () => {
    const limiter = new FairLimiter(1, 1);
    const release = await limiter.acquire('a');
    const ac = new AbortController();
    const waiting = limiter.acquire('b', ac.signal);
    ac.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
    expect(limiter.waiting).toBe(0);
    release();
    release();
    expect(limiter.active).toBe(0);
    (await limiter.acquire('c'))();
  });
});
