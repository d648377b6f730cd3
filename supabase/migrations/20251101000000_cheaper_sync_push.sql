-- A cheaper sync_push (issue 12, server throughput). Same contract, same answers, same rights;
-- less work per mutation:
--   * Exactly-once bookkeeping is ONE insert: the ledger row goes in first, inside the
--     mutation's subtransaction, with ON CONFLICT DO NOTHING. A new mutation pays one insert
--     and no lookup; a mutation seen before conflicts and its stored answer is read (as before);
--     a mutation that fails rolls back with its subtransaction, ledger row included, and is
--     recorded as rejected (as before). The push still holds the client's advisory lock, so no
--     other push of the same client can race the insert.
--   * The catalog check (is this a sync_mutations function the caller may execute?) runs once
--     per distinct name in a push instead of once per mutation: a push of 300 moves asks once.
--     A mutation cannot grant or revoke, so the answer cannot change within the push.
--   * Results are collected in an array and turned into JSON once, instead of copying the whole
--     growing result list for every mutation (quadratic in a push of hundreds).
--     Trade-off: the insert evaluates the ledger's _txid default, so a push made only of
--     repeats (a retry after a lost acknowledgement) now takes a transaction id and commits a
--     record; before, only the lookup ran. Repeats are rare; new mutations are the hot path.
--   * The answer also carries `txid`: the id of the push's transaction (text, as a pull's
--     cursor), null when it needed none (an empty push of a known client). Every row it wrote
--     carries this _txid until something else writes it, so a pull whose snapshot sees it holds
--     the push's effects (docs/sync.md). Clients that only read `results` are unaffected.
-- Unchanged: every validation and its error, the advisory lock, claim_sync_client, the
-- subtransaction per mutation (a failed mutation refuses only itself), deferred constraints
-- checked per mutation, which errors abort the whole push, RLS (SECURITY INVOKER throughout),
-- and every mutation function. Rollback: supabase/rollbacks/20251101000000_cheaper_sync_push.sql.
-- No BEGIN/COMMIT: the runner wraps the file in one transaction with its history row.

insert into public.schema_versions (version, description)
values ('20251101000000_cheaper_sync_push',
        'sync_push: one ledger insert per mutation, one catalog check per name, the push''s txid in its answer')
on conflict (version) do update
  set is_active = true, rolled_back_at = null, applied_at = now(), description = excluded.description;

-- Applies a client's queued mutations in order, each exactly once (the contract is in
-- 20250601000000_add_sync; how mutations are found, in 20250801000000_discover_sync_mutations).
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
  -- Names that passed the catalog check in this push.
  known text[] := '{}';
  results jsonb[] := '{}';
  refused jsonb;
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
      into refused
      from pg_catalog.jsonb_array_elements(mutations) e;
    return pg_catalog.jsonb_build_object('results', coalesce(refused, '[]'::jsonb));
  end if;

  for m in
    select e.value from pg_catalog.jsonb_array_elements(mutations) with ordinality as e(value, ord)
    order by e.ord
  loop
    mid := (m ->> 'mutation_id')::bigint;
    mname := m ->> 'name';
    begin
      -- The ledger row first: if this client sent this mutation before, the insert does nothing
      -- and the stored answer is returned; the mutation does not run again.
      insert into private.sync_client_mutations (client_id, mutation_id, user_id, name, status)
      values (sync_push.client_id, mid, uid, mname, 'applied')
      on conflict on constraint sync_client_mutations_pkey do nothing;
      if not found then
        select c.status, c.error_code, c.error_message into stored
        from private.sync_client_mutations c
        where c.client_id = sync_push.client_id and c.mutation_id = mid;
        results := results || pg_catalog.jsonb_build_object(
          'mutation_id', mid, 'status', stored.status, 'code', stored.error_code,
          'message', stored.error_message);
        continue;
      end if;
      -- The catalog is the list: a mutation is a function sync_mutations.<name>(jsonb) that the
      -- caller may execute. Matched by exact name (no identifier parsing, no truncation).
      if not mname = any (known) then
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
        known := known || mname;
      end if;
      execute pg_catalog.format('select sync_mutations.%I($1)', mname)
        using coalesce(m -> 'args', 'null'::jsonb);
      -- Deferred checks (exactly one default pipeline) run now, inside this mutation's
      -- subtransaction, so a violation refuses this mutation only and not the whole push.
      set constraints all immediate;
      set constraints all deferred;
      results := results || pg_catalog.jsonb_build_object(
        'mutation_id', mid, 'status', 'applied', 'code', null, 'message', null);
    exception
      when others then
        -- The subtransaction is gone, the 'applied' ledger row with it.
        get stacked diagnostics err_code = returned_sqlstate, err_message = message_text;
        if left(err_code, 2) in ('08', '40', '53', '57', '58') or err_code = '55P03' then
          raise;
        end if;
        insert into private.sync_client_mutations
          (client_id, mutation_id, user_id, name, status, error_code, error_message)
        values (sync_push.client_id, mid, uid, left(mname, 100), 'rejected', err_code, left(err_message, 2000));
        results := results || pg_catalog.jsonb_build_object(
          'mutation_id', mid, 'status', 'rejected', 'code', err_code, 'message', err_message);
    end;
  end loop;
  return pg_catalog.jsonb_build_object(
    'results', pg_catalog.to_jsonb(results),
    'txid', pg_catalog.pg_current_xact_id_if_assigned()::text);
end;
$$;

-- Revoke, then grant: hosted Supabase gives anon, authenticated and service_role ALL on every
-- function in public, and `create or replace` keeps whatever the function had.
revoke all on function public.sync_push(uuid, jsonb) from public, anon, authenticated;
grant execute on function public.sync_push(uuid, jsonb) to authenticated, service_role;
