-- Rolls back the CRM base. This removes every lead and profile: a last resort, taken only after
-- `npm run db:rollback` has written a backup. schema_versions goes too, since this migration
-- created it (on a database where it pre-existed, `create table if not exists` kept it; the rows
-- are then all that is lost).
drop table if exists public.leads;
drop table if exists public.lead_statuses;
drop trigger if exists on_auth_user_created on auth.users;
drop function if exists private.handle_new_user();
drop table if exists public.profiles;
drop function if exists private.touch_updated_at();
drop table if exists public.schema_versions;
drop schema if exists private;
