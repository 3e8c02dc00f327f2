import { describe, expect, it } from 'vitest';
import { RequestBudget } from './request-budget.js';
import { FakeClock } from './testing/index.js';

describe('RequestBudget', () => {
  it('allows `limit` requests per rolling window and waits for the oldest to leave it', async () => {
    const clock = new FakeClock(0);
    const budget = new RequestBudget(clock, { limit: 5, windowMs: 1000 });
    const times: number[] = [];
    for (let i = 0; i < 12; i++) {
      await budget.acquire('background');
      times.push(clock.now());
      clock.advance(10);
    }
    for (let j = 0; j < times.length; j++)
      expect(times.filter((t) => t > times[j]! - 1000 && t <= times[j]!).length).toBeLessThanOrEqual(5);
    expect(times[5]).toBe(1000);
  });

  it('keeps a reserve for interactive lookups', async () => {
    const clock = new FakeClock(0);
    const budget = new RequestBudget(clock, { limit: 5, windowMs: 1000, reserve: 2 });
    for (let i = 0; i < 3; i++) await budget.acquire('background');
    await budget.acquire('interactive');
    await budget.acquire('interactive');
    expect(clock.now()).toBe(0);
    expect(budget.used()).toBe(5);
    await budget.acquire('background');
    expect(clock.now()).toBe(1000);
  });

  it('holds every request until a Retry-After has passed', async () => {
    const clock = new FakeClock(0);
    const budget = new RequestBudget(clock, { limit: 100 });
    budget.pauseUntil(30_000);
    expect(budget.pausedUntil()).toBe(30_000);
    await budget.acquire('interactive');
    expect(clock.now()).toBe(30_000);
  });
});
