import { describe, expect, it } from 'vitest';
import { retryDelay } from './backoff.ts';

describe('retryDelay', () => {
  it('doubles per attempt between half and all of the step, up to the cap', () => {
    const low = { baseMs: 100, maxMs: 1000, random: () => 0 };
    const high = { baseMs: 100, maxMs: 1000, random: () => 1 };
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelay(n, high))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect([1, 2, 3].map((n) => retryDelay(n, low))).toEqual([50, 100, 200]);
  });
});
