import { ApiError } from '../http/respond.ts';

// SQLSTATE → HTTP status, PostgREST's table (docs.postgrest.org, references/errors): the same
// statuses let supabase-js (and our sync layer) react exactly as they would against Supabase.

interface PgErrorFields {
  code: string;
  message: string;
  detail?: string | undefined;
  hint?: string | undefined;
}

export function isPostgresError(error: unknown): error is PgErrorFields {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as Record<string, unknown>;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof message === 'string';
}

export function statusForSqlState(code: string, authenticated: boolean): number {
  const exact: Record<string, number> = {
    '23503': 409,
    '23505': 409,
    '25006': 405,
    '42501': authenticated ? 403 : 401,
    '42883': 404,
    '42P01': 404,
    '42P17': 500,
    '53400': 500,
    P0001: 400,
  };
  const known = exact[code];
  if (known !== undefined) return known;
  const byClass: Record<string, number> = {
    '08': 503,
    '09': 500,
    '0L': 403,
    '0P': 403,
    '25': 500,
    '28': 403,
    '2D': 500,
    '38': 500,
    '39': 500,
    '3B': 500,
    '40': 500,
    '53': 503,
    '54': 500,
    '55': 500,
    '57': 500,
    '58': 500,
    F0: 500,
    HV: 500,
    P0: 500,
    XX: 500,
  };
  const custom = /^PT(\d{3})$/.exec(code)?.[1];
  if (custom !== undefined) return Number(custom);
  return byClass[code.slice(0, 2)] ?? 400;
}

/** A Postgres error as PostgREST reports it; `RAISE … USING ERRCODE = 'PGRST'` included. */
export function apiErrorFromPostgres(error: PgErrorFields, authenticated: boolean): ApiError {
  if (error.code === 'PGRST') return customError(error);
  return new ApiError(statusForSqlState(error.code, authenticated), {
    code: error.code,
    message: error.message,
    details: error.detail || null,
    hint: error.hint || null,
  });
}

// PostgREST's escape hatch: message holds the JSON body, detail {status, headers}.
function customError(error: PgErrorFields): ApiError {
  try {
    const body = JSON.parse(error.message) as Record<string, unknown>;
    const meta = JSON.parse(error.detail ?? '{}') as { status?: unknown; headers?: unknown };
    const status = typeof meta.status === 'number' ? meta.status : 400;
    return new ApiError(status, {
      code: typeof body.code === 'string' ? body.code : 'PGRST',
      message: typeof body.message === 'string' ? body.message : '',
      details: typeof body.details === 'string' ? body.details : null,
      hint: typeof body.hint === 'string' ? body.hint : null,
    });
  } catch {
    return new ApiError(500, {
      code: 'PGRST121',
      message: 'Could not parse JSON in the "RAISE SQLSTATE \'PGRST\'" error',
      details: error.message,
    });
  }
}

// PostgREST answers 503 when it loses its database; a client may retry (sync_push is exactly
// once, so resending it is safe). A write in flight may or may not have committed.
export function lostDatabaseError(): ApiError {
  return new ApiError(503, {
    code: 'PGRST001',
    message: 'The connection to the database was lost while answering; try again',
    hint: 'A write sent with this request may or may not have been applied',
  });
}
