-- Rolls back 20250901000000_restore_status_time_on_undo: move_lead stamps now() on every status
-- change again (an undo sent with `restore_status_changed_at` is refused as an unknown argument,
-- so roll the app back first). Leads and their history are untouched; only the departure times
-- (derived, server-only) are dropped.

update public.schema_versions
set is_active = false, rolled_back_at = now()
where version = '20250901000000_restore_status_time_on_undo';

create or replace function sync_mutations.move_lead(args jsonb) returns void
  language plpgsql
  security invoker
  set search_path = ''
as $$
declare
  lead_id uuid;
begin
  perform private.sync_check_keys(args, array['id', 'pipeline_id', 'status_id', 'position']);
  lead_id := private.sync_uuid(args, 'id');
  update public.leads l set
    pipeline_id = private.sync_uuid(args, 'pipeline_id'),
    status_id = private.sync_uuid(args, 'status_id'),
    position = private.sync_string(args, 'position')
  where l.id = lead_id;
  if not found then
    perform private.sync_not_found('Lead', lead_id);
  end if;
end;
$$;

drop function private.sync_opt_timestamptz(jsonb, text);
drop function private.restore_status_changed_at(uuid, timestamp with time zone);

create or replace function private.record_lead_status_change() returns trigger
  language plpgsql
  security definer
  set search_path = ''
as $$
declare
  acting_user uuid := auth.uid();
begin
  if tg_op = 'UPDATE' and new.status_id is not distinct from old.status_id then
    return null;
  end if;
  insert into public.lead_status_history
    (lead_id, from_status_id, to_status_id, from_status_name, to_status_name, changed_by, changed_at)
  values (
    new.id,
    case when tg_op = 'UPDATE' then old.status_id end,
    new.status_id,
    case when tg_op = 'UPDATE' then (select name from public.pipeline_statuses where id = old.status_id) end,
    (select name from public.pipeline_statuses where id = new.status_id),
    case when exists (select 1 from public.profiles where id = acting_user) then acting_user end,
    pg_catalog.clock_timestamp()
  );
  return null;
end;
$$;

drop table private.lead_status_departures;
