import type { Database } from '../db/database.ts';
import type { Claims } from '../auth/tokens.ts';
import { ApiError } from '../http/respond.ts';
import { buildCall } from './build-call.ts';
import { chooseFunction, findFunctions } from './find-function.ts';
import type { FunctionInfo } from './find-function.ts';

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
 * One request, one transaction, as PostgREST runs it: find the function, then switch to the
 * caller's role and claims (`set_config(…, true)`, so they end with the transaction), then call.
 */
export async function callFunction(db: Database, req: RpcRequest): Promise<RpcResult> {
  return db.transaction(async (tx) => {
    // Empty search_path while reading the catalog: format_type then schema-qualifies every type.
    await tx.query(`select pg_catalog.set_config('search_path', '', true)`);
    const candidates = await findFunctions(tx, req.schema, req.name);
    const isObject = typeof req.args === 'object' && req.args !== null && !Array.isArray(req.args);
    const keys = isObject ? Object.keys(req.args as object) : [];
    if (!isObject && !req.singleObject) throw notFound(req, keys, candidates);
    const shapes = chooseFunction(candidates, keys, req.singleObject);
    const shape = shapes[0];
    if (shape === undefined) throw notFound(req, keys, candidates);
    if (shapes.length > 1)
      throw ambiguous(
        req,
        shapes.map((s) => s.fn),
      );

    const readOnly = req.readOnly || shape.fn.volatility !== 'v';
    if (readOnly)
      await tx.query(`select pg_catalog.set_config('transaction_read_only', 'on', true)`);
    await tx.query(
      `select pg_catalog.set_config('role', $1, true),
              pg_catalog.set_config('request.jwt.claims', $2, true),
              pg_catalog.set_config('request.method', $3, true),
              pg_catalog.set_config('request.path', $4, true),
              pg_catalog.set_config('request.headers', $5, true),
              pg_catalog.set_config('request.cookies', '{}', true),
              pg_catalog.set_config('search_path', 'public, extensions', true)`,
      [
        req.claims.role,
        JSON.stringify(req.claims),
        req.method,
        req.path,
        JSON.stringify(req.headers),
      ],
    );
    const call = buildCall(shape, req.argsText);
    const { rows } = await tx.query<{ body: string | null }>(call.sql, call.params);
    const body = call.result === 'void' ? null : (rows[0]?.body ?? 'null');
    return { body, returnsSet: shape.fn.returnsSet, mutated: !readOnly };
  });
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
