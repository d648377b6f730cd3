-- A cheaper sync_pull page (issue 12, first sync). Same contract, same rows, same rights; one
-- change in how a page of one table is read:
--   * Before, each candidate row was turned into JSON (to_jsonb) in the same scan that chose the
--     page, so when the planner did not walk the primary key in order (it picks the _txid index
--     and a top-N sort whenever it believes few rows are newer than the cursor, as it does for a
--     table whose statistics are stale, e.g. right after a bulk import), every row of the table
--     was serialized to keep 1,000: 400 ms a page at 50,000 leads instead of 15 ms, for every
--     page until autovacuum analyzed the table.
--   * Now the page is chosen from the plain rows (order by id, limit) and only the rows it keeps
--     are serialized: 45 ms a page on the same stale statistics, and the same 15 ms with fresh ones.
-- Unchanged: the arguments and the answer (rows, tombstones, mutations, has_more, page,
-- next_cursor, progress, reset; JSON keys of a row are sorted either way), which columns are
-- hidden, the snapshot and cursor rules, SECURITY INVOKER and so RLS, STABLE. Rollback:
-- supabase/rollbacks/20251201000000_cheaper_sync_pull.sql.
-- No BEGIN/COMMIT: the runner wraps the file in one transaction with its history row.

insert into public.schema_versions (version, description)
values ('20251201000000_cheaper_sync_pull',
        'sync_pull: a page is chosen first and only its rows are turned into JSON')
on conflict (version) do update
  set is_active = true, rolled_back_at = null, applied_at = now(), description = excluded.description;

-- One page of changes the caller may see, in commit order (the contract is in
-- 20250601000000_add_sync).
create or replace function public.sync_pull(
  client_id uuid default null,
  since text default null,
  page jsonb default null,
  page_size int default 1000
) returns jsonb
  language plpgsql
  stable
  security invoker
  set search_path = ''
as $$
declare
  uid uuid := auth.uid();
  tables constant text[] := array['profiles', 'pipelines', 'pipeline_statuses', 'leads', 'lead_status_history'];
  -- Columns the client does not replicate (legacy and internal).
  hidden constant text[] := array['_txid', 'status', 'legacy_value'];
  lo xid8;
  hi xid8;
  snap pg_catalog.pg_snapshot;
  after_table int := 1;
  after_id uuid;
  after_tomb_table text;
  total bigint := 0;
  done bigint := 0;
  remaining int;
  n int;
  chunk jsonb;
  rows_out jsonb := '{}'::jsonb;
  tombs jsonb := '[]'::jsonb;
  muts jsonb := '[]'::jsonb;
  next_page jsonb;
  t int;
begin
  if uid is null then
    raise exception 'Sign in to sync' using errcode = '42501';
  end if;
  remaining := least(greatest(coalesce(page_size, 1000), 1), 5000);

  if page is null then
    lo := coalesce(nullif(since, '')::xid8, '0'::xid8);
    snap := pg_catalog.pg_current_snapshot();
    hi := pg_catalog.pg_snapshot_xmin(snap);
    -- Start over when the user's view changed wholesale (a role change, a restore), or when the
    -- cursor is beyond any transaction id this database has issued: it was restored into a new
    -- cluster whose counter restarted, and rows written now would sort below the cursor.
    if since is not null and (
      lo > pg_catalog.pg_snapshot_xmax(snap)
      or exists (
        select 1 from private.sync_user_resets r
        where r.user_id = uid and r._txid >= lo and r._txid < hi
      )
    ) then
      return pg_catalog.jsonb_build_object('reset', true, 'has_more', false);
    end if;
    for t in 1..pg_catalog.array_length(tables, 1) loop
      execute pg_catalog.format('select count(*) from public.%I x where x._txid >= $1', tables[t])
        into n using lo;
      total := total + n;
    end loop;
    if since is not null then
      total := total + (select count(*) from private.sync_tombstones s where s._txid >= lo);
    end if;
  else
    lo := (page ->> 'since')::xid8;
    hi := (page ->> 'until')::xid8;
    snap := (page ->> 'snapshot')::pg_catalog.pg_snapshot;
    after_table := (page ->> 'table')::int;
    after_id := (page ->> 'id')::uuid;
    after_tomb_table := page ->> 'tomb_table';
    total := (page ->> 'total')::bigint;
    done := (page ->> 'done')::bigint;
  end if;

  -- Rows, table by table, keyset-paged by id: every visible row written at or after the cursor.
  -- Each row becomes JSON only once it is among the page's rows (after the limit).
  -- Rows above `hi` (committed while an older transaction is still open) are sent now AND again
  -- next time (the next cursor is hi); duplicates are harmless, a confirmed mutation whose row
  -- is missing from its pull would not be.
  for t in after_table..pg_catalog.array_length(tables, 1) loop
    exit when remaining = 0;
    execute pg_catalog.format(
      'select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r) - $5 order by r.id), ''[]''::jsonb),
              count(*)
         from (select x.*
                 from public.%I x
                where x._txid >= $1 and ($3::uuid is null or x.id > $3::uuid)
                order by x.id
                limit $4) r',
      tables[t])
      into chunk, n
      using lo, hi, case when t = after_table then after_id end, remaining, hidden;
    if n > 0 then
      rows_out := rows_out || pg_catalog.jsonb_build_object(tables[t], chunk);
      remaining := remaining - n;
      done := done + n;
      if remaining = 0 then
        next_page := pg_catalog.jsonb_build_object('table', t, 'id', chunk -> -1 ->> 'id');
      end if;
    end if;
  end loop;

  -- Tombstones (table index 6), only for a caller that holds rows (since is set), and only for
  -- rows it cannot see now: deleted, or moved out of its view. A row visible again is sent as a row.
  if next_page is null and lo > '0'::xid8 then
    select coalesce(pg_catalog.jsonb_agg(
             pg_catalog.jsonb_build_object('table', s.table_name, 'id', s.row_id)
             order by s.table_name, s.row_id), '[]'::jsonb),
           count(*)
      into tombs, n
      from (
        select s.table_name, s.row_id
        from private.sync_tombstones s
        where s._txid >= lo
          and (after_table < 6 or (s.table_name, s.row_id) > (after_tomb_table, after_id))
          and case s.table_name
                when 'leads' then not exists (select 1 from public.leads x where x.id = s.row_id)
                when 'pipelines' then not exists (select 1 from public.pipelines x where x.id = s.row_id)
                when 'pipeline_statuses' then not exists (select 1 from public.pipeline_statuses x where x.id = s.row_id)
                when 'profiles' then not exists (select 1 from public.profiles x where x.id = s.row_id)
                when 'lead_status_history' then not exists (select 1 from public.lead_status_history x where x.id = s.row_id)
                else false
              end
        order by s.table_name, s.row_id
        limit remaining
      ) s;
    -- Invisible-but-present rows are skipped above and still count in total: count them done.
    done := done + n;
    if n = remaining then
      next_page := pg_catalog.jsonb_build_object(
        'table', 6, 'tomb_table', tombs -> -1 ->> 'table', 'id', tombs -> -1 ->> 'id');
    end if;
  end if;

  if next_page is not null then
    return pg_catalog.jsonb_build_object(
      'rows', rows_out, 'tombstones', tombs, 'mutations', '[]'::jsonb,
      'has_more', true,
      'page', next_page || pg_catalog.jsonb_build_object(
        'since', lo::text, 'until', hi::text, 'snapshot', snap::text, 'total', total, 'done', done),
      'next_cursor', null,
      'progress', pg_catalog.jsonb_build_object('done', done, 'total', total),
      'reset', false);
  end if;

  -- Last page: this client's ledger rows committed before the FIRST page's snapshot. Every row
  -- such a mutation wrote was read at that snapshot or later, with _txid >= the cursor, so its
  -- current version is in this pull: the device can drop the mutation without a flicker.
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'mutation_id', c.mutation_id, 'status', c.status, 'code', c.error_code,
           'message', c.error_message) order by c.mutation_id), '[]'::jsonb)
    into muts
    from private.sync_client_mutations c
   where c.client_id = sync_pull.client_id
     and c._txid >= lo
     and pg_catalog.pg_visible_in_snapshot(c._txid, snap);

  return pg_catalog.jsonb_build_object(
    'rows', rows_out, 'tombstones', tombs, 'mutations', muts,
    'has_more', false, 'page', null,
    'next_cursor', hi::text,
    'progress', pg_catalog.jsonb_build_object('done', greatest(done, total), 'total', total),
    'reset', false);
end;
$$;

-- Revoke, then grant: hosted Supabase gives anon, authenticated and service_role ALL on every
-- function in public, and `create or replace` keeps whatever the function had.
revoke all on function public.sync_pull(uuid, text, jsonb, int) from public, anon, authenticated;
grant execute on function public.sync_pull(uuid, text, jsonb, int) to authenticated, service_role;
