import type { Database } from '../../../server/db/database.ts';

// Functions that exist only in the test database, created as the superuser after startup. Each
// has the grants spelled out (Postgres grants EXECUTE to PUBLIC by default).
export const TEST_FUNCTIONS_SQL = `
create function public.whoami() returns uuid
  language sql stable as 'select auth.uid()';
revoke all on function public.whoami() from public, anon, authenticated;
grant execute on function public.whoami() to anon, authenticated;

create function public.test_session_facts() returns json
  language sql stable as $$
    select json_build_object(
      'current_user', current_user,
      'bypassrls', (select rolbypassrls from pg_catalog.pg_roles where rolname = current_user),
      'superuser', (select rolsuper from pg_catalog.pg_roles where rolname = current_user),
      'claims', current_setting('request.jwt.claims', true)::json,
      'method', current_setting('request.method', true),
      'path', current_setting('request.path', true),
      'headers', current_setting('request.headers', true)::json,
      'read_only', current_setting('transaction_read_only'))
  $$;
grant execute on function public.test_session_facts() to anon, authenticated;

create function public.test_read_lead(lead_id uuid) returns setof public.leads
  language sql stable security invoker set search_path = ''
  as 'select * from public.leads where id = lead_id';
revoke all on function public.test_read_lead(uuid) from public, anon, authenticated;
grant execute on function public.test_read_lead(uuid) to authenticated;

create function public.test_count_leads() returns bigint
  language sql stable security invoker set search_path = ''
  as 'select count(*) from public.leads';
grant execute on function public.test_count_leads() to authenticated;

create table public.test_items (
  id int primary key,
  qty int not null constraint test_items_qty_check check (qty >= 0)
);
grant select, insert on public.test_items to authenticated;

create function public.test_add_item(item_id int, qty int default 1) returns public.test_items
  language sql volatile
  as 'insert into public.test_items values (item_id, qty) returning *';
revoke all on function public.test_add_item(int, int) from public, anon, authenticated;
grant execute on function public.test_add_item(int, int) to authenticated;

create function public.test_items_list() returns table (id int, qty int)
  language sql stable as 'select id, qty from public.test_items order by id';
grant execute on function public.test_items_list() to authenticated;

create function public.test_refuse(reason text) returns void
  language plpgsql as $$
  begin
    raise exception 'Refused: %', reason using detail = 'The detail', hint = 'The hint';
  end $$;
grant execute on function public.test_refuse(text) to authenticated;

create function public.test_divide(a int, b int) returns int
  language sql immutable as 'select a / b';
grant execute on function public.test_divide(int, int) to anon, authenticated;

create function public.test_nothing() returns void
  language sql volatile as 'select';
grant execute on function public.test_nothing() to authenticated;

create function public.test_echo(tags text[], meta jsonb default '{}', n numeric default null) returns json
  language sql immutable as $$ select json_build_object('tags', tags, 'meta', meta, 'n', n) $$;
grant execute on function public.test_echo(text[], jsonb, numeric) to authenticated;

create function public.test_series(n int) returns setof int
  language sql immutable as 'select generate_series(1, n)';
grant execute on function public.test_series(int) to authenticated;

create function public.test_write_in_stable() returns int
  language sql stable as 'select (public.test_add_item(999, 1)).id';
-- (A plpgsql STABLE function cannot even contain an INSERT; this one writes through a VOLATILE
-- call, so only the read-only transaction stops it.)
grant execute on function public.test_write_in_stable() to authenticated;

create function public.test_nobody_may() returns int
  language sql immutable as 'select 1';
revoke all on function public.test_nobody_may() from public, anon, authenticated;

create function public.test_single(payload jsonb) returns jsonb
  language sql immutable as 'select payload';
grant execute on function public.test_single(jsonb) to authenticated;

create function public.test_payment_required() returns void
  language plpgsql as $$
  begin
    raise sqlstate 'PGRST' using
      message = '{"code":"P402","message":"Payment required","details":"Upgrade","hint":null}',
      detail = '{"status":402,"headers":{}}';
  end $$;
grant execute on function public.test_payment_required() to authenticated;

create function public.test_whole_body(jsonb) returns jsonb
  language sql immutable as 'select $1';
grant execute on function public.test_whole_body(jsonb) to authenticated;
`;

export async function createTestFunctions(db: Database): Promise<void> {
  await db.exec(TEST_FUNCTIONS_SQL);
}
