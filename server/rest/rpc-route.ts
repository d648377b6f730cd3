import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '../db/database.ts';
import type { RequestAuth } from '../http/request-auth.ts';
import { readJsonBody } from '../http/read-body.ts';
import type { JsonBody } from '../http/read-body.ts';
import { ApiError, sendJson, sendJsonText, sendNoContent } from '../http/respond.ts';
import type { ChangeFeed } from '../realtime/change-feed.ts';
import { isLostConnection } from '../db/lost-connection.ts';
import { callFunction } from './call-function.ts';
import { apiErrorFromPostgres, isPostgresError } from './postgres-error.ts';

export const EXPOSED_SCHEMAS = ['public'];

const SINGLE_OBJECT_TYPE = 'application/vnd.pgrst.object+json';

/** POST (or GET, read-only) /rest/v1/rpc/<fn>, answered as PostgREST would. */
export async function serveRpc(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  fnName: string,
  auth: RequestAuth,
  deps: { db: Database; changes: ChangeFeed },
): Promise<void> {
  const method = req.method ?? 'GET';
  if (method !== 'POST' && method !== 'GET') {
    throw new ApiError(405, { code: 'PGRST117', message: `Unsupported HTTP method: ${method}` });
  }
  const schema = chosenSchema(req, method);
  const body = method === 'POST' ? await readJsonBody(req) : queryBody(url);
  const prefer = String(req.headers.prefer ?? '');

  let result;
  try {
    result = await callFunction(deps.db, {
      schema,
      name: fnName,
      args: body.value,
      argsText: body.text,
      singleObject: /\bparams=single-object\b/.test(prefer),
      readOnly: method === 'GET',
      claims: auth.claims,
      method,
      path: url.pathname,
      headers: headersForSql(req),
    });
  } catch (error) {
    // A lost connection (57P01 is a SQLSTATE too) is answered 503 by the app's error handler.
    if (isPostgresError(error) && !isLostConnection(error))
      throw apiErrorFromPostgres(error, auth.claims.role !== 'anon');
    throw error;
  }
  if (result.mutated) deps.changes.publish();

  if (result.body === null) return sendNoContent(res);
  if (result.returnsSet && String(req.headers.accept ?? '').includes(SINGLE_OBJECT_TYPE)) {
    const rows = JSON.parse(result.body) as unknown[];
    if (rows.length !== 1) {
      throw new ApiError(406, {
        code: 'PGRST116',
        message: 'JSON object requested, multiple (or no) rows returned',
        details: `The result contains ${rows.length} rows`,
      });
    }
    return sendJson(res, 200, rows[0], { 'Content-Type': `${SINGLE_OBJECT_TYPE}; charset=utf-8` });
  }
  sendJsonText(res, 200, result.body);
}

// GET arguments (strings, Postgres casts them); a stray `apikey` is never an argument.
function queryBody(url: URL): JsonBody {
  const args = Object.fromEntries(url.searchParams);
  delete args.apikey;
  return { value: args, text: JSON.stringify(args) };
}

// Content-Profile (POST) / Accept-Profile (GET) pick the schema; only exposed ones are allowed.
function chosenSchema(req: IncomingMessage, method: string): string {
  const header = method === 'POST' ? req.headers['content-profile'] : req.headers['accept-profile'];
  const schema =
    typeof header === 'string' && header !== '' ? header : (EXPOSED_SCHEMAS[0] ?? 'public');
  if (!EXPOSED_SCHEMAS.includes(schema)) {
    throw new ApiError(406, {
      code: 'PGRST106',
      message: `The schema must be one of the following: ${EXPOSED_SCHEMAS.join(', ')}`,
    });
  }
  return schema;
}

// request.headers as PostgREST sets it: lower-case names, the JWT left out (it is in the claims).
function headersForSql(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'authorization' || name === 'apikey') continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
