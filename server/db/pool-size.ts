import { availableParallelism } from 'node:os';

// How many PostgreSQL connections the local backend keeps. A request now holds its connection
// for one round trip, so a few per core keep Postgres busy while Node parses the next request;
// many more only add context switches on the same cores. LEADLANES_DB_POOL_SIZE overrides
// (docs/local-backend.md).

export const POOL_SIZE_ENV = 'LEADLANES_DB_POOL_SIZE';
const MAX_POOL_SIZE = 1000;

export function defaultPoolSize(cpus: number = availableParallelism()): number {
  return Math.min(32, Math.max(4, cpus * 4));
}

export function poolSizeFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[POOL_SIZE_ENV]?.trim();
  if (raw === undefined || raw === '') return defaultPoolSize();
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > MAX_POOL_SIZE) {
    throw new Error(
      `${POOL_SIZE_ENV} must be a whole number from 1 to ${MAX_POOL_SIZE} (got ${JSON.stringify(raw)})`,
    );
  }
  return size;
}
