-- Rolls back 20251101000000_cheaper_sync_push: sync_push goes back to its definition from
-- 20250801000000_discover_sync_mutations, word for word (a lookup before every mutation, the
-- catalog checked per mutation, no txid in its answer). Nothing else changed, and no data does:
-- the ledger rows written either way are the same rows.

update public.schema_versions
set is_active = false, rolled_back_at = now()
where version = '20251101000000_cheaper_sync_push';

create or replace function public.sync_push(client_id uuid, mutations jsonb) returns jsonb
  language plpgsql
  volatile
  security invoker
  set search_path = ''
as $$
declare
  uid uuid := auth.uid();
  m jsonb;
  mid bigint;
  mname text;
  stored record;
  results jsonb := '[]'::jsonb;
  err_code text;
  err_message text;
begin
  if uid is null then
    raise exception 'Sign in to sync' using errcode = '42501';
  end if;
  if sync_push.client_id is null then
    raise exception 'client_id is required' using errcode = '22023';
  end if;
  if pg_catalog.jsonb_typeof(mutations) is distinct from 'array' then
    raise exception 'mutations must be a list' using errcode = '22023';
  end if;
  if pg_catalog.jsonb_array_length(mutations) > 500 then
    raise exception 'At most 500 mutations per push' using errcode = '22023';
  end if;
  if exists (
    select 1 from pg_catalog.jsonb_array_elements(mutations) e
    where pg_catalog.jsonb_typeof(e -> 'mutation_id') is distinct from 'number'
       or pg_catalog.jsonb_typeof(e -> 'name') is distinct from 'string'
  ) then
    raise exception 'Every mutation needs a numeric mutation_id and a name' using errcode = '22023';
  end if;

  -- One push per client at a time: a concurrent duplicate (another tab, a retry racing the
  -- first attempt) waits here, then finds the ledger rows the first one committed.
  perform pg_catalog.pg_advisory_xact_lock(
    pg_catalog.hashtextextended('sync_push:' || sync_push.client_id::text, 0));

  if not private.claim_sync_client(sync_push.client_id) then
    -- Not this user's client id: refuse everything and record nothing under someone else's id.
    select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
             'mutation_id', e -> 'mutation_id', 'status', 'rejected', 'code', '42501',
             'message', 'This client id belongs to another user'))
      into results
      from pg_catalog.jsonb_array_elements(mutations) e;
    return pg_catalog.jsonb_build_object('results', coalesce(results, '[]'::jsonb));
  end if;

  for m in
    select e.value from pg_catalog.jsonb_array_elements(mutations) with ordinality as e(value, ord)
    order by e.ord
  loop
    mid := (m ->> 'mutation_id')::bigint;
    mname := m ->> 'name';
    select c.status, c.error_code, c.error_message into stored
    from private.sync_client_mutations c
    where c.client_id = sync_push.client_id and c.mutation_id = mid;
    if found then
      results := results || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
        'mutation_id', mid, 'status', stored.status, 'code', stored.error_code,
        'message', stored.error_message));
      continue;
    end if;
    begin
      -- The catalog is the list: a mutation is a function sync_mutations.<name>(jsonb) that the
      -- caller may execute. Matched by exact name (no identifier parsing, no truncation).
      if not exists (
        select 1 from pg_catalog.pg_proc p
        where p.pronamespace = 'sync_mutations'::regnamespace
          and p.proname = mname
          and p.prokind = 'f'
          and p.pronargs = 1
          and p.proargtypes[0] = 'pg_catalog.jsonb'::pg_catalog.regtype
          and pg_catalog.has_function_privilege(p.oid, 'execute')
      ) then
        raise exception 'Unknown mutation "%"', mname using errcode = '22023';
      end if;
      execute pg_catalog.format('select sync_mutations.%I($1)', mname)
        using coalesce(m -> 'args', 'null'::jsonb);
      -- Deferred checks (exactly one default pipeline) run now, inside this mutation's
      -- subtransaction, so a violation refuses this mutation only and not the whole push.
      set constraints all immediate;
      set constraints all deferred;
      insert into private.sync_client_mutations (client_id, mutation_id, user_id, name, status)
      values (sync_push.client_id, mid, uid, mname, 'applied');
      results := results || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
        'mutation_id', mid, 'status', 'applied', 'code', null, 'message', null));
    exception
      when others then
        get stacked diagnostics err_code = returned_sqlstate, err_message = message_text;
        if left(err_code, 2) in ('08', '40', '53', '57', '58') or err_code = '55P03' then
          raise;
        end if;
        insert into private.sync_client_mutations
          (client_id, mutation_id, user_id, name, status, error_code, error_message)
        values (sync_push.client_id, mid, uid, left(mname, 100), 'rejected', err_code, left(err_message, 2000));
        results := results || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
          'mutation_id', mid, 'status', 'rejected', 'code', err_code, 'message', err_message));
    end;
  end loop;
  return pg_catalog.jsonb_build_object('results', results);
end;
$$;

-- Revoke, then grant: hosted Supabase gives anon, authenticated and service_role ALL on every
-- function in public, and `create or replace` keeps whatever the function had.
revoke all on function public.sync_push(uuid, jsonb) from public, anon, authenticated;
grant execute on function public.sync_push(uuid, jsonb) to authenticated, service_role;
