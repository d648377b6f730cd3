import type { Database } from '../db/database.ts';
import type { Claims } from '../auth/tokens.ts';
import { ApiError } from '../http/respond.ts';
import { buildCall } from './build-call.ts';
import { schemaEpoch } from '../db/schema-epoch.ts';
import { isLostConnection } from '../db/lost-connection.ts';
import { sqlLiteral } from '../db/sql-literal.ts';
import { chooseFunction } from './find-function.ts';
import type { CallShape, FunctionInfo } from './find-function.ts';
import { cachedFunctions, loadFunctions, stampGuard, stampSql } from './function-cache.ts';
import type { CachedFunctions } from './function-cache.ts';

export interface RpcRequest {
  schema: string;
  name: string;
  /** The named arguments (POST body, or GET query parameters as strings). */
  args: unknown;
  /** The same arguments as JSON text exactly as sent: Postgres parses that, not our re-encoding. */
  argsText: string;
  singleObject: boolean;
  readOnly: boolean;
  claims: Claims;
  method: string;
  path: string;
  headers: Record<string, string>;
}

export interface RpcResult {
  /** JSON text as Postgres produced it, or null for a void function. */
  body: string | null;
  returnsSet: boolean;
  /** True when the call may have written (a VOLATILE function in a read-write transaction). */
  mutated: boolean;
}

/**
 * One request, one transaction, one round trip, as PostgREST runs it: the caller's role and
 * claims (`set_config(…, true)`, so they end with the transaction) and the call go to Postgres
 * as one simple-protocol message, which Postgres runs as one implicit transaction. The function's
 * shape comes from the cache (function-cache.ts); the call only runs if the function is still
 * what the cache says (the stamp guard), otherwise it is reloaded and sent again.
 */
export async function callFunction(db: Database, req: RpcRequest): Promise<RpcResult> {
  let entry = cachedFunctions(db, req.schema, req.name);
  let fresh = entry === undefined;
  entry ??= await loadFunctions(db, req.schema, req.name);
  for (let attempt = 1; ; attempt++) {
    let shape = chooseShape(req, entry);
    if (!shape.ok && !fresh) {
      // Not there, or two candidates, in what we cached: a later CREATE FUNCTION may fix that.
      entry = await loadFunctions(db, req.schema, req.name);
      fresh = true;
      shape = chooseShape(req, entry);
    }
    if (!shape.ok) throw shape.error;

    const readOnly = req.readOnly || shape.value.fn.volatility !== 'v';
    const call = buildCall(shape.value, sqlLiteral(req.argsText));
    let results;
    try {
      results = await db.batch(
        `${settingsSql(req, readOnly)};\n` +
          `select _call.body from (${call.sql}) as _call where ${stampGuard(req.schema, req.name, entry)}`,
        { repeatable: readOnly },
      );
    } catch (error) {
      // Parse-time errors (a dropped function, changed argument names) come before the guard.
      if (isLostConnection(error) || fresh || !(await changedSince(db, req, entry))) throw error;
      results = undefined;
    }
    const row = results?.[1]?.rows[0];
    if (row !== undefined) {
      const body = call.result === 'void' ? null : ((row.body as string | null) ?? 'null');
      return { body, returnsSet: shape.value.fn.returnsSet, mutated: !readOnly };
    }
    // The guard held the call back (or it failed on stale facts): nothing ran. Reload, resend.
    if (attempt >= MAX_ATTEMPTS) {
      throw new ApiError(503, {
        code: 'PGRST002',
        message: `The function ${req.schema}.${req.name} kept changing while it was being called`,
        hint: 'Try again once the migration has finished',
      });
    }
    entry = await loadFunctions(db, req.schema, req.name);
    fresh = true;
  }
}

const MAX_ATTEMPTS = 3;

type Chosen = { ok: true; value: CallShape } | { ok: false; error: ApiError };

function chooseShape(req: RpcRequest, entry: CachedFunctions): Chosen {
  const { candidates } = entry;
  const isObject = typeof req.args === 'object' && req.args !== null && !Array.isArray(req.args);
  const keys = isObject ? Object.keys(req.args as object) : [];
  if (!isObject && !req.singleObject) return { ok: false, error: notFound(req, keys, candidates) };
  const shapes = chooseFunction(candidates, keys, req.singleObject);
  const shape = shapes[0];
  if (shape === undefined) return { ok: false, error: notFound(req, keys, candidates) };
  if (shapes.length > 1) {
    return {
      ok: false,
      error: ambiguous(
        req,
        shapes.map((s) => s.fn),
      ),
    };
  }
  return { ok: true, value: shape };
}

// The caller's session, as PostgREST sets it; `true` = local to this request's transaction.
function settingsSql(req: RpcRequest, readOnly: boolean): string {
  const set = (name: string, value: string): string =>
    `pg_catalog.set_config('${name}', ${sqlLiteral(value)}, true)`;
  return `select ${[
    ...(readOnly ? [set('transaction_read_only', 'on')] : []),
    set('role', req.claims.role),
    set('request.jwt.claims', JSON.stringify(req.claims)),
    set('request.method', req.method),
    set('request.path', req.path),
    set('request.headers', JSON.stringify(req.headers)),
    set('request.cookies', '{}'),
    set('search_path', 'public, extensions'),
  ].join(', ')}`;
}

async function changedSince(
  db: Database,
  req: RpcRequest,
  entry: CachedFunctions,
): Promise<boolean> {
  const { rows } = await db.query<{ stamp: string }>(
    `select ${stampSql(req.schema, req.name)} as stamp`,
  );
  return (rows[0]?.stamp ?? '') !== entry.stamp || entry.epoch !== schemaEpoch(db);
}

function notFound(req: RpcRequest, keys: string[], candidates: FunctionInfo[]): ApiError {
  const qualified = `${req.schema}.${req.name}`;
  const listed = [...keys].sort().join(', ');
  const nearest = candidates[0];
  return new ApiError(404, {
    code: 'PGRST202',
    message: `Could not find the function ${qualified}(${listed}) in the schema cache`,
    details: `Searched for the function ${qualified} with parameters ${listed || '(none)'} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`,
    hint:
      nearest === undefined
        ? null
        : `Perhaps you meant to call the function ${qualified}(${nearest.params.map((p) => p.name).join(', ')})`,
  });
}

function ambiguous(req: RpcRequest, fns: FunctionInfo[]): ApiError {
  const list = fns.map(
    (fn) =>
      `${req.schema}.${fn.name}(${fn.params.map((p) => `${p.name} => ${p.type}`).join(', ')})`,
  );
  return new ApiError(300, {
    code: 'PGRST203',
    message: `Could not choose the best candidate function between: ${list.join(', ')}`,
    hint: 'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
  });
}
