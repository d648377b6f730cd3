import type { CallShape } from './find-function.ts';

// Builds the one statement that calls a function. Every identifier and type name comes from
// pg_catalog (and is quoted); the request body is always the single parameter $1, decoded by
// Postgres itself with json_to_record into each parameter's declared type, as PostgREST does.
// No input value is ever part of the SQL text.

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export interface BuiltCall {
  sql: string;
  params: unknown[];
  /** How the single text column `body` is to be read. */
  result: 'json' | 'void';
}

/** `bodyText` is the request body as sent (JSON text): re-encoding it would round big numbers. */
export function buildCall(shape: CallShape, bodyText: string): BuiltCall {
  const { fn } = shape;
  const target = `${quoteIdent(fn.schema)}.${quoteIdent(fn.name)}`;
  let call: string;
  let from = '';
  let params: unknown[] = [];

  if (shape.kind === 'single-object') {
    const param = fn.params[0];
    const type = param?.type ?? fn.unnamedParamTypes[0] ?? 'json';
    const arg = `$1::${type === 'jsonb' ? 'jsonb' : 'json'}`;
    call = `${target}(${param === undefined ? arg : `${quoteIdent(param.name)} => ${arg}`})`;
    params = [bodyText];
  } else if (shape.args.length === 0) {
    call = `${target}()`;
  } else {
    const used = fn.params.filter((p) => shape.args.includes(p.name));
    const columns = used.map((p) => `${quoteIdent(p.name)} ${p.type}`).join(', ');
    const args = used
      .map(
        (p) =>
          `${p.variadic ? 'variadic ' : ''}${quoteIdent(p.name)} => _args.${quoteIdent(p.name)}`,
      )
      .join(', ');
    from = `pg_catalog.json_to_record($1::json) as _args(${columns})`;
    call = `${target}(${args})`;
    params = [bodyText];
  }

  if (fn.returnsSet) {
    const source =
      from === '' ? `${call} as _result` : `${from} cross join lateral ${call} as _result`;
    return {
      sql: `select coalesce(pg_catalog.json_agg(_result), '[]'::json)::text as body from ${source}`,
      params,
      result: 'json',
    };
  }
  const fromClause = from === '' ? '' : ` from ${from}`;
  if (fn.returnType === 'void') {
    return { sql: `select ${call}::text as body${fromClause}`, params, result: 'void' };
  }
  if (fn.returnTypeKind === 'c' || fn.hasOutParams) {
    // A row: `to_json(_result)` keeps its column names.
    const source =
      from === '' ? `${call} as _result` : `${from} cross join lateral ${call} as _result`;
    return {
      sql: `select pg_catalog.to_json(_result)::text as body from ${source}`,
      params,
      result: 'json',
    };
  }
  return {
    sql: `select pg_catalog.to_json(${call})::text as body${fromClause}`,
    params,
    result: 'json',
  };
}
