import { describe, expect, it } from 'vitest';
import { defaultPoolSize, poolSizeFromEnv } from '../../server/db/pool-size.ts';

describe('PostgreSQL pool size', () => {
  it('defaults to a few connections per core, within bounds', () => {
    expect(defaultPoolSize(1)).toBe(4);
    expect(defaultPoolSize(2)).toBe(8);
    expect(defaultPoolSize(64)).toBe(32);
    expect(poolSizeFromEnv({})).toBe(defaultPoolSize());
  });

  it('takes LEADLANES_DB_POOL_SIZE, and refuses anything but a whole number from 1 to 1000', () => {
    expect(poolSizeFromEnv({ LEADLANES_DB_POOL_SIZE: ' 12 ' })).toBe(12);
    for (const bad of ['0', '-3', '2.5', 'ten', '1001']) {
      expect(() => poolSizeFromEnv({ LEADLANES_DB_POOL_SIZE: bad })).toThrow(
        /LEADLANES_DB_POOL_SIZE must be a whole number from 1 to 1000/,
      );
    }
  });
});
