import { engineName } from '../../support/database-flavor.ts';
import type { SqlExecutor } from '../../../server/db/database.ts';

// Everything that makes up the schema of the given schemas, as sorted lines, from the catalogs
// (the same queries work on PostgreSQL and PGlite; pg_dump is not available in-process).
// A NULL acl means the default one (owner has all): compared as acldefault(), since a grant
// followed by a revoke leaves the same rights spelled out explicitly.
// Column positions are ranked among live columns: a dropped column leaves a hole in attnum that
// is not a schema difference.
const FINGERPRINT_SQL = `
with ns as (
  select oid, nspname from pg_catalog.pg_namespace where nspname = any($1::text[])
),
rel as (
  select c.oid, c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity, ns.nspname,
         coalesce(c.relacl, pg_catalog.acldefault(case when c.relkind = 'S' then 's' else 'r' end::"char", c.relowner)) as relacl
  from pg_catalog.pg_class c join ns on ns.oid = c.relnamespace
  where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
)
select 'schema ' || nspname || ' acl=' || coalesce(
         (select string_agg(a::text, ',' order by a::text)
          from unnest(coalesce(n.nspacl, pg_catalog.acldefault('n', n.nspowner))) a), '') as line
  from pg_catalog.pg_namespace n where nspname = any($1::text[])
union all
select 'relation ' || nspname || '.' || relname || ' kind=' || relkind::text || ' rls=' || relrowsecurity
       || ' force=' || relforcerowsecurity || ' acl='
       || coalesce((select string_agg(a::text, ',' order by a::text) from unnest(relacl) a), '')
  from rel
union all
select 'column ' || rel.nspname || '.' || rel.relname || ' #'
       || row_number() over (partition by rel.oid order by a.attnum) || ' ' || a.attname || ' '
       || pg_catalog.format_type(a.atttypid, a.atttypmod) || case when a.attnotnull then ' not null' else '' end
       || coalesce(' default ' || pg_catalog.pg_get_expr(d.adbin, d.adrelid), '')
       || case when a.attidentity::text <> '' then ' identity ' || a.attidentity::text else '' end
       || case when a.attgenerated::text <> '' then ' generated' else '' end
       || ' acl=' || coalesce((select string_agg(x::text, ',' order by x::text) from unnest(a.attacl) x), '')
  from rel join pg_catalog.pg_attribute a on a.attrelid = rel.oid
  left join pg_catalog.pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
  where a.attnum > 0 and not a.attisdropped and rel.relkind <> 'S'
union all
select 'constraint ' || rel.nspname || '.' || rel.relname || ' ' || con.conname || ' '
       || pg_catalog.pg_get_constraintdef(con.oid, true)
       || case when con.condeferrable then ' deferrable' else '' end
  from rel join pg_catalog.pg_constraint con on con.conrelid = rel.oid
union all
select 'index ' || pg_catalog.pg_get_indexdef(i.indexrelid)
  from rel join pg_catalog.pg_index i on i.indrelid = rel.oid
union all
select 'policy ' || schemaname || '.' || tablename || ' ' || policyname || ' ' || permissive || ' '
       || cmd || ' to ' || array_to_string(roles, ',') || ' using ' || coalesce(qual, '-')
       || ' check ' || coalesce(with_check, '-')
  from pg_catalog.pg_policies where schemaname = any($1::text[])
union all
select 'trigger ' || pg_catalog.pg_get_triggerdef(t.oid, true) || ' enabled=' || t.tgenabled::text
  from rel join pg_catalog.pg_trigger t on t.tgrelid = rel.oid where not t.tgisinternal
union all
select 'function ' || pg_catalog.pg_get_functiondef(p.oid) || ' acl='
       || coalesce((select string_agg(a::text, ',' order by a::text) from unnest(coalesce(p.proacl, pg_catalog.acldefault('f', p.proowner))) a), '')
  from pg_catalog.pg_proc p join ns on ns.oid = p.pronamespace where p.prokind in ('f', 'p')
union all
select 'type ' || ns.nspname || '.' || t.typname || ' ' || t.typtype::text
  from pg_catalog.pg_type t join ns on ns.oid = t.typnamespace
  where t.typtype in ('e', 'd') -- enums and domains; composite row types follow their tables
order by 1
`;

export const FINGERPRINT_SCHEMAS = ['public', 'private', 'auth'];

export async function schemaFingerprint(
  db: SqlExecutor,
  schemas = FINGERPRINT_SCHEMAS,
): Promise<string[]> {
  const { rows } = await db.query<{ line: string }>(FINGERPRINT_SQL, [schemas]);
  const lines = rows.map((r) => r.line);
  return engineName === 'hosted-supabase' ? lines.map(withoutApiRoleGrants) : lines;
}

/**
 * On the hosted-supabase engine a table starts with Supabase's default grants (anon,
 * authenticated and service_role: ALL). Rollbacks deliberately do not give those back: a
 * rolled-back schema is stricter than before, never reopened. So "the schema as it was" compares everything but the
 * API roles' grants there; those are pinned exactly by api-privileges.test.ts and
 * table-api.test.ts instead.
 */
function withoutApiRoleGrants(line: string): string {
  if (line.startsWith('schema ')) return line;
  return line
    .replace(/\b(anon|authenticated|service_role)=[A-Za-z*]*\/[a-z_]+,?/g, '')
    .replace(/,(\s|$)/g, '$1');
}
