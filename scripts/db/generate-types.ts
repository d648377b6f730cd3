import type { SqlExecutor } from '../../server/db/database.ts';

// A TypeScript description of the API schema in the shape `supabase gen types typescript` emits
// (Database[schema].Tables[t].Row/Insert/Update/Relationships, Functions, Enums), read from the
// catalogs. Used when the CLI cannot run: on PGlite, or where Docker (postgres-meta) is missing.

interface ColumnRow {
  table_name: string;
  column_name: string;
  type: string;
  element_type: string | null;
  nullable: boolean;
  has_default: boolean;
  generated: boolean;
}
interface RelationshipRow {
  table_name: string;
  constraint_name: string;
  columns: string[];
  referenced_table: string;
  referenced_columns: string[];
  one_to_one: boolean;
}
interface FunctionRow {
  name: string;
  arg_names: string[] | null;
  arg_types: string[];
  return_type: string;
  returns_set: boolean;
  /** How many trailing arguments have a default (the CLI makes those optional). */
  defaults: number;
}
interface EnumRow {
  name: string;
  labels: string[];
}

// Array columns are cast to text[]: node-postgres does not parse name[].
const NUMBER = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid']);
const STRING = new Set([
  'text',
  'varchar',
  'bpchar',
  'char',
  'name',
  'uuid',
  'citext',
  'date',
  'time',
  'timetz',
  'timestamp',
  'timestamptz',
  'interval',
  'bytea',
  'inet',
  'cidr',
  'macaddr',
  'money',
  'xid8',
]);

function tsType(type: string, enums: Set<string>): string {
  if (type.startsWith('_')) return `${tsType(type.slice(1), enums)}[]`;
  if (NUMBER.has(type)) return 'number';
  if (STRING.has(type)) return 'string';
  if (type === 'bool') return 'boolean';
  if (type === 'json' || type === 'jsonb') return 'Json';
  if (type === 'void') return 'undefined';
  if (enums.has(type)) return `Database['public']['Enums']['${type}']`;
  return 'unknown';
}

const key = (name: string) =>
  /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);

export async function generateTypes(db: SqlExecutor, schema = 'public'): Promise<string> {
  const columns = await db.query<ColumnRow>(
    `select c.relname as table_name, a.attname as column_name, t.typname as type, null as element_type,
            not a.attnotnull as nullable,
            (a.atthasdef or a.attidentity <> '') as has_default, a.attgenerated <> '' as generated
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     join pg_type t on t.oid = a.atttypid
     where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm')
     order by c.relname, a.attname`,
    [schema],
  );
  const relationships = await db.query<RelationshipRow>(
    `select c.relname as table_name, con.conname as constraint_name,
            array(select attname from unnest(con.conkey) k join pg_attribute on attrelid = con.conrelid and attnum = k)::text[] as columns,
            r.relname as referenced_table,
            array(select attname from unnest(con.confkey) k join pg_attribute on attrelid = con.confrelid and attnum = k)::text[] as referenced_columns,
            exists (select 1 from pg_index i where i.indrelid = con.conrelid and i.indisunique
                    and i.indkey::int2[] @> con.conkey and i.indnatts = array_length(con.conkey, 1)) as one_to_one
     from pg_constraint con join pg_class c on c.oid = con.conrelid
     join pg_namespace n on n.oid = c.relnamespace join pg_class r on r.oid = con.confrelid
     join pg_namespace rn on rn.oid = r.relnamespace
     where con.contype = 'f' and n.nspname = $1 and rn.nspname = $1
     order by c.relname, con.conname`,
    [schema],
  );
  const functions = await db.query<FunctionRow>(
    `select p.proname as name, p.proargnames::text[] as arg_names,
            array(select t.typname from unnest(p.proargtypes) with ordinality a(oid, i)
                  join pg_type t on t.oid = a.oid order by a.i)::text[] as arg_types,
            rt.typname as return_type, p.proretset as returns_set, p.pronargdefaults as defaults
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_type rt on rt.oid = p.prorettype
     where n.nspname = $1 and p.prokind = 'f' and rt.typname <> 'trigger'
     order by p.proname`,
    [schema],
  );
  const enumRows = await db.query<EnumRow>(
    `select t.typname as name, array_agg(e.enumlabel order by e.enumsortorder)::text[] as labels
     from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_enum e on e.enumtypid = t.oid
     where n.nspname = $1 group by t.typname order by t.typname`,
    [schema],
  );
  const enums = new Set(enumRows.rows.map((e) => e.name));

  const tables = new Map<string, ColumnRow[]>();
  for (const c of columns.rows) tables.set(c.table_name, [...(tables.get(c.table_name) ?? []), c]);

  const field = (c: ColumnRow, optional: boolean) =>
    `${key(c.column_name)}${optional ? '?' : ''}: ${tsType(c.type, enums)}${c.nullable ? ' | null' : ''}`;
  const block = (lines: string[], indent: string) =>
    lines.length === 0
      ? '{\n' + indent + '  [_ in never]: never\n' + indent + '}'
      : `{\n${lines.map((l) => `${indent}  ${l}`).join('\n')}\n${indent}}`;

  const tableTypes = [...tables.entries()].map(([table, cols]) => {
    const rels = relationships.rows
      .filter((r) => r.table_name === table)
      .map(
        (r) =>
          `{ foreignKeyName: ${JSON.stringify(r.constraint_name)}; columns: ${JSON.stringify(r.columns)}; ` +
          `isOneToOne: ${r.one_to_one}; referencedRelation: ${JSON.stringify(r.referenced_table)}; ` +
          `referencedColumns: ${JSON.stringify(r.referenced_columns)} }`,
      );
    const insertable = cols.filter((c) => !c.generated);
    return [
      `${key(table)}: {`,
      `  Row: ${block(
        cols.map((c) => field(c, false)),
        '        ',
      )}`,
      `  Insert: ${block(
        insertable.map((c) => field(c, c.nullable || c.has_default)),
        '        ',
      )}`,
      `  Update: ${block(
        insertable.map((c) => field(c, true)),
        '        ',
      )}`,
      `  Relationships: [${rels.length ? `\n${rels.map((r) => `          ${r},`).join('\n')}\n        ` : ''}]`,
      `}`,
    ];
  });

  const functionTypes = functions.rows.map((f) => {
    const firstDefaulted = f.arg_types.length - f.defaults;
    const args = f.arg_types.map(
      (t, i) =>
        `${key(f.arg_names?.[i] ?? `arg${i}`)}${i >= firstDefaulted ? '?' : ''}: ${tsType(t, enums)}`,
    );
    const returns = tsType(f.return_type, enums) + (f.returns_set ? '[]' : '');
    return `${key(f.name)}: { Args: ${args.length ? `{ ${args.join('; ')} }` : 'Record<PropertyKey, never>'}; Returns: ${returns} }`;
  });

  const lines = [
    '// Generated by `npm run db:types` from the database catalogs (the Supabase CLI shape). Do not edit.',
    '',
    'export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];',
    '',
    'export type Database = {',
    `  ${key(schema)}: {`,
    `    Tables: ${block(tableTypes.flat(), '    ').replace(/\n {6}/g, '\n      ')}`,
    `    Views: { [_ in never]: never };`,
    `    Functions: ${block(functionTypes, '    ')};`,
    `    Enums: ${block(
      enumRows.rows.map(
        (e) => `${key(e.name)}: ${e.labels.map((l) => JSON.stringify(l)).join(' | ')}`,
      ),
      '    ',
    )};`,
    `    CompositeTypes: { [_ in never]: never };`,
    '  };',
    '};',
    '',
    `type Schema = Database[${JSON.stringify(schema)}];`,
    "export type Tables<T extends keyof Schema['Tables']> = Schema['Tables'][T]['Row'];",
    "export type TablesInsert<T extends keyof Schema['Tables']> = Schema['Tables'][T]['Insert'];",
    "export type TablesUpdate<T extends keyof Schema['Tables']> = Schema['Tables'][T]['Update'];",
    "export type Enums<T extends keyof Schema['Enums']> = Schema['Enums'][T];",
    '',
  ];
  return lines.join('\n');
}
