import type { Database } from '../db/database.ts';
import { schemaEpoch } from '../db/schema-epoch.ts';
import { sqlLiteral } from '../db/sql-literal.ts';
import { quoteIdent } from './build-call.ts';
import { findFunctions } from './find-function.ts';
import type { FunctionInfo } from './find-function.ts';

// What pg_catalog says about each called function, kept between requests so a request costs one
// round trip instead of a catalog lookup each time. Two things make an entry stale:
// - a migration or rollback run through this process (schema epoch, db/schema-epoch.ts): the
//   entry is dropped at once;
// - anything else that changes the function (db:migrate from another process, psql, a test's
//   CREATE FUNCTION): every pg_proc row that function name has gets a new xmin (or goes away,
//   or a new oid appears). The entry keeps that stamp, and each call checks it in the same
//   statement as the call (`stampGuard`): a different stamp means the call does not run, the
//   entry is reloaded and the call is sent again. No request ever runs on stale metadata.

export interface CachedFunctions {
  candidates: FunctionInfo[];
  /** `oid:xmin` of every pg_proc row with this schema and name, as `stampGuard` computes it. */
  stamp: string;
  epoch: number;
}

const caches = new WeakMap<Database, Map<string, CachedFunctions>>();

function cacheOf(db: Database): Map<string, CachedFunctions> {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

const key = (schema: string, name: string): string => `${schema}\u0000${name}`;

/** The SQL expression (a scalar subquery) giving the current stamp of `schema.name`. */
// One table, no join: the guard is planned again with every request (simple protocol, no plan
// cache), and planning the pg_proc ⋈ pg_namespace join it used to be cost more CPU in Postgres
// than anything else the server adds to a call (≈ 0.3–0.6 ms a request, measured on this
// machine; the scan itself is one index probe either way). to_regnamespace takes an identifier,
// so the name goes in quoted: a schema that does not exist gives NULL, no rows, stamp ''.
export function stampSql(schema: string, name: string): string {
  return `(select coalesce(pg_catalog.string_agg(p.oid::text || ':' || p.xmin::text, ',' order by p.oid), '')
      from pg_catalog.pg_proc p
     where p.pronamespace = pg_catalog.to_regnamespace(${sqlLiteral(quoteIdent(schema))})
       and p.proname = ${sqlLiteral(name)})`;
}

/** A condition that is true only while the function is exactly as `entry` describes it. */
export function stampGuard(schema: string, name: string, entry: CachedFunctions): string {
  return `${stampSql(schema, name)} = ${sqlLiteral(entry.stamp)}`;
}

export function cachedFunctions(
  db: Database,
  schema: string,
  name: string,
): CachedFunctions | undefined {
  const entry = cacheOf(db).get(key(schema, name));
  if (entry === undefined || entry.epoch !== schemaEpoch(db)) return undefined;
  return entry;
}

/** Reads the catalog now and caches the answer (an empty answer is not kept). */
export async function loadFunctions(
  db: Database,
  schema: string,
  name: string,
): Promise<CachedFunctions> {
  const epoch = schemaEpoch(db);
  const entry = await db.transaction(async (tx) => {
    // Empty search_path while reading the catalog: format_type then schema-qualifies every type.
    await tx.query(`select pg_catalog.set_config('search_path', '', true)`);
    // Stamp first: if a change commits between the two reads, the stamp is the older one and
    // the next call's guard reloads; the other order could keep old facts under a new stamp.
    const { rows } = await tx.query<{ stamp: string }>(`select ${stampSql(schema, name)} as stamp`);
    const candidates = await findFunctions(tx, schema, name);
    return { candidates, stamp: rows[0]?.stamp ?? '', epoch };
  });
  const cache = cacheOf(db);
  if (entry.candidates.length > 0) cache.set(key(schema, name), entry);
  else cache.delete(key(schema, name));
  return entry;
}

export function forgetFunctions(db: Database, schema: string, name: string): void {
  cacheOf(db).delete(key(schema, name));
}
