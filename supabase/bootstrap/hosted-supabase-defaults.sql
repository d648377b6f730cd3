-- Test-only bootstrap variant: what a new hosted Supabase project has in a database before our
-- first migration, beyond what supabase-compat.sql creates. Run it after supabase-compat.sql on an
-- empty PostgreSQL database (tests do, with TEST_DATABASE_FLAVOR=hosted-supabase) to get a
-- Supabase-faithful engine: migrations that forget to revoke are then exposed exactly as on a
-- real project. Modelled on supabase/postgres's init scripts; never run it against a project.

-- Hosted projects give the API roles ALL on every new table, function and sequence that the
-- migrating role creates in `public` (PostgREST then serves every table a role holds a grant on).
do $$
begin
  execute pg_catalog.format(
    'alter default privileges for role %I in schema public grant all on tables to anon, authenticated, service_role',
    current_user);
  execute pg_catalog.format(
    'alter default privileges for role %I in schema public grant all on functions to anon, authenticated, service_role',
    current_user);
  execute pg_catalog.format(
    'alter default privileges for role %I in schema public grant all on sequences to anon, authenticated, service_role',
    current_user);
end
$$;

grant usage on schema public to anon, authenticated, service_role;
grant all on schema public to service_role;

-- Realtime's publication exists (empty) on every project.
do $$
begin
  if not exists (select from pg_catalog.pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end
$$;

-- The extensions a project has enabled from the start, in the `extensions` schema.
create extension if not exists "uuid-ossp" with schema extensions;
create extension if not exists pgcrypto with schema extensions;
