import type { SqlExecutor } from '../db/database.ts';

// Looks a function up in pg_catalog the way PostgREST's schema cache does. function-cache.ts keeps
// the answers and notices changes by itself (no schema cache to reload by hand).

export interface FunctionParam {
  name: string;
  /** The declared type as Postgres prints it, schema-qualified (search_path is empty). */
  type: string;
  hasDefault: boolean;
  /** A VARIADIC parameter: named notation must say `VARIADIC name => array`. */
  variadic: boolean;
}

export interface FunctionInfo {
  schema: string;
  name: string;
  params: FunctionParam[];
  /** Input parameters that have no name (PostgREST passes the whole body to a single one). */
  unnamedParamTypes: string[];
  returnsSet: boolean;
  returnType: string;
  /** 'b' base, 'c' composite, 'd' domain, 'e' enum, 'p' pseudo (void, record, trigger…), 'r'/'m' range. */
  returnTypeKind: string;
  /** Functions with OUT/TABLE parameters return records with named columns. */
  hasOutParams: boolean;
  volatility: 'i' | 's' | 'v';
}

interface CatalogRow {
  proname: string;
  provolatile: 'i' | 's' | 'v';
  proretset: boolean;
  return_type: string;
  return_kind: string;
  nargs: number;
  ndefaults: number;
  arg_names: (string | null)[] | null;
  arg_modes: string[] | null;
  arg_types: string[];
}

// Arrays come back as JSON so both drivers hand us plain JS arrays (node-postgres leaves
// "char"[] unparsed). The caller sets search_path to '' first so format_type qualifies names.
const LOOKUP_SQL = `
select p.proname,
       p.provolatile,
       p.proretset,
       pg_catalog.format_type(p.prorettype, null) as return_type,
       t.typtype as return_kind,
       p.pronargs as nargs,
       p.pronargdefaults as ndefaults,
       pg_catalog.to_json(p.proargnames) as arg_names,
       pg_catalog.to_json(p.proargmodes) as arg_modes,
       (select pg_catalog.json_agg(pg_catalog.format_type(a.oid, null) order by a.ord)
          from pg_catalog.unnest(coalesce(p.proallargtypes, p.proargtypes::pg_catalog.oid[]))
               with ordinality as a(oid, ord)) as arg_types
  from pg_catalog.pg_proc p
  join pg_catalog.pg_namespace n on n.oid = p.pronamespace
  join pg_catalog.pg_type t on t.oid = p.prorettype
 where n.nspname = $1 and p.proname = $2 and p.prokind = 'f'`;

const INPUT_MODES = new Set(['i', 'b', 'v']);

export async function findFunctions(
  tx: SqlExecutor,
  schema: string,
  name: string,
): Promise<FunctionInfo[]> {
  const { rows } = await tx.query<CatalogRow>(LOOKUP_SQL, [schema, name]);
  return rows.map((row) => toInfo(schema, row));
}

function toInfo(schema: string, row: CatalogRow): FunctionInfo {
  const types = row.arg_types ?? [];
  const modes = row.arg_modes ?? types.map(() => 'i');
  const names = row.arg_names ?? [];
  const inputs: { name: string; type: string; variadic: boolean }[] = [];
  modes.forEach((mode, i) => {
    if (!INPUT_MODES.has(mode)) return;
    inputs.push({ name: names[i] ?? '', type: types[i] ?? 'unknown', variadic: mode === 'v' });
  });
  // Defaults belong to the last `ndefaults` input parameters.
  const firstDefault = inputs.length - row.ndefaults;
  return {
    schema,
    name: row.proname,
    params: inputs
      .map((p, i) => ({ ...p, hasDefault: i >= firstDefault }))
      .filter((p) => p.name !== ''),
    unnamedParamTypes: inputs.filter((p) => p.name === '').map((p) => p.type),
    returnsSet: row.proretset,
    returnType: row.return_type,
    returnTypeKind: row.return_kind,
    hasOutParams: modes.some((m) => m === 'o' || m === 'b' || m === 't'),
    volatility: row.provolatile,
  };
}

const JSON_TYPES = new Set(['json', 'jsonb']);

export type CallShape =
  { kind: 'named'; fn: FunctionInfo; args: string[] } | { kind: 'single-object'; fn: FunctionInfo };

/**
 * PostgREST's overload choice: a function whose parameter names cover the given keys and whose
 * required parameters are all given; else one taking a single unnamed json/jsonb parameter (or,
 * with `Prefer: params=single-object`, a single json/jsonb parameter) receives the whole body.
 */
export function chooseFunction(
  candidates: FunctionInfo[],
  keys: string[],
  singleObject: boolean,
): CallShape[] {
  if (singleObject) {
    return candidates
      .filter((fn) => fn.params.length + fn.unnamedParamTypes.length === 1)
      .filter((fn) => JSON_TYPES.has(fn.params[0]?.type ?? fn.unnamedParamTypes[0] ?? ''))
      .map((fn) => ({ kind: 'single-object', fn }));
  }
  const named = candidates.filter(
    (fn) =>
      fn.unnamedParamTypes.length === 0 &&
      keys.every((k) => fn.params.some((p) => p.name === k)) &&
      fn.params.every((p) => p.hasDefault || keys.includes(p.name)),
  );
  if (named.length > 0) return named.map((fn) => ({ kind: 'named', fn, args: keys }));
  return candidates
    .filter((fn) => fn.params.length === 0 && fn.unnamedParamTypes.length === 1)
    .filter((fn) => JSON_TYPES.has(fn.unnamedParamTypes[0] ?? ''))
    .map((fn) => ({ kind: 'single-object', fn }));
}
