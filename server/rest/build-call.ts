import type { CallShape } from './find-function.ts';

// Builds the one statement that calls a function. Every identifier and type name comes from
// pg_catalog (and is quoted); the request body is always one value, `body` — an SQL expression
// the caller supplies (an escaped literal: the call goes out in one simple-protocol message) —
// decoded by Postgres itself with json_to_record into each parameter's declared type, as
// PostgREST does. Nothing else from the request is part of the SQL text.

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export interface BuiltCall {
  sql: string;
  /** How the single text column `body` is to be read. */
  result: 'json' | 'void';
}

/**
 * `body` is SQL for the request body as sent (JSON text, e.g. `sqlLiteral(text)`): re-encoding
 * it would round big numbers. It is used at most once.
 */
export function buildCall(shape: CallShape, body: string): BuiltCall {
  const { fn } = shape;
  const target = `${quoteIdent(fn.schema)}.${quoteIdent(fn.name)}`;
  let call: string;
  let from = '';

  if (shape.kind === 'single-object') {
    const param = fn.params[0];
    const type = param?.type ?? fn.unnamedParamTypes[0] ?? 'json';
    const arg = `${body}::${type === 'jsonb' ? 'jsonb' : 'json'}`;
    call = `${target}(${param === undefined ? arg : `${quoteIdent(param.name)} => ${arg}`})`;
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
    from = `pg_catalog.json_to_record(${body}::json) as _args(${columns})`;
    call = `${target}(${args})`;
  }

  if (fn.returnsSet) {
    const source =
      from === '' ? `${call} as _result` : `${from} cross join lateral ${call} as _result`;
    return {
      sql: `select coalesce(pg_catalog.json_agg(_result), '[]'::json)::text as body from ${source}`,
      result: 'json',
    };
  }
  const fromClause = from === '' ? '' : ` from ${from}`;
  if (fn.returnType === 'void') {
    return { sql: `select ${call}::text as body${fromClause}`, result: 'void' };
  }
  if (fn.returnTypeKind === 'c' || fn.hasOutParams) {
    // A row: `to_json(_result)` keeps its column names.
    const source =
      from === '' ? `${call} as _result` : `${from} cross join lateral ${call} as _result`;
    return {
      sql: `select pg_catalog.to_json(_result)::text as body from ${source}`,
      result: 'json',
    };
  }
  return {
    sql: `select pg_catalog.to_json(${call})::text as body${fromClause}`,
    result: 'json',
  };
}
