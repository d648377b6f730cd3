import type { Database } from './database.ts';

// A counter per open database that moves whenever this process changes the schema (migrations,
// rollbacks). Caches of catalog facts (server/rest/function-cache.ts) remember the epoch they
// were filled in and drop what is older. Changes made by other processes are caught by the
// cache's own check against pg_proc; this makes the same-process case immediate and free.

const epochs = new WeakMap<object, number>();

export function schemaEpoch(db: Database): number {
  return epochs.get(db) ?? 0;
}

export function bumpSchemaEpoch(db: Database): void {
  epochs.set(db, schemaEpoch(db) + 1);
}
