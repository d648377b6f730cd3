-- Undo gives a lead back its time in status (issue 14, trip 4).
--
-- Undoing a move is itself a move back (a new mutation, so it works offline), and every status
-- change stamps status_changed_at = now(): after sync the undone lead said "in New under a
-- minute" although it had been there a week. Now:
--   * Each status change remembers since when the lead had been in the status it left
--     (private.lead_status_departures, one row per history row; written by the history trigger).
--   * move_lead takes an optional `restore_status_changed_at`: the time the undoing device
--     shows. The server puts it back only when its own history agrees — the move just made
--     reverses the lead's previous status change exactly, and the lead had been in the status it
--     returns to since exactly that time. Otherwise the move keeps now(), as before.
-- The client is never trusted: the value is only ever one the server recorded itself.
-- No BEGIN/COMMIT: the runner wraps the file in one transaction with its history row.

insert into public.schema_versions (version, description)
values ('20250901000000_restore_status_time_on_undo', 'Undoing a move restores the lead''s time in status when its history agrees')
on conflict (version) do update
  set is_active = true, rolled_back_at = null, applied_at = now(), description = excluded.description;

-- Since when the lead had been in the status a history row left. Not replicated (the device
-- knows the time it showed); read only by private.restore_status_changed_at.
create table private.lead_status_departures (
  history_id uuid primary key references public.lead_status_history (id) on delete cascade,
  left_status_since timestamp with time zone not null
);
alter table private.lead_status_departures enable row level security;
-- No policies: only the SECURITY DEFINER functions below touch it.
revoke all on table private.lead_status_departures from public, anon, authenticated;
grant all on table private.lead_status_departures to service_role;

-- As in 20250701000000_harden_supabase_security, plus the departure row of a status change.
create or replace function private.record_lead_status_change() returns trigger
  language plpgsql
  security definer
  set search_path = ''
as $$
declare
  acting_user uuid := auth.uid();
  history_id uuid;
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
  )
  returning id into history_id;
  if tg_op = 'UPDATE' then
    insert into private.lead_status_departures (history_id, left_status_since)
    values (history_id, old.status_changed_at);
  end if;
  return null;
end;
$$;

-- Puts back `since` as the lead's status_changed_at when the lead's latest status change,
-- written in this transaction, exactly reverses the one before it, and that one left the status
-- the lead is back in after being there since exactly `since`. True when it did.
-- SECURITY DEFINER: agents may not write status_changed_at nor read departures; every condition
-- is checked here, so calling it directly can only restore a time the server recorded.
create function private.restore_status_changed_at(p_lead_id uuid, since timestamp with time zone)
returns boolean
  language plpgsql
  security definer
  set search_path = ''
as $$
declare
  undoing record;
  undone record;
begin
  select h.id, h.from_status_id, h.to_status_id, h._txid, h.changed_at into undoing
    from public.lead_status_history h
   where h.lead_id = p_lead_id
   order by h.changed_at desc, h.id desc
   limit 1;
  if undoing.id is null or undoing.from_status_id is null
     or undoing._txid is distinct from pg_catalog.pg_current_xact_id() then
    return false;
  end if;
  select h.from_status_id, h.to_status_id, d.left_status_since into undone
    from public.lead_status_history h
    left join private.lead_status_departures d on d.history_id = h.id
   where h.lead_id = p_lead_id and h.id <> undoing.id
     and (h.changed_at, h.id) < (undoing.changed_at, undoing.id)
   order by h.changed_at desc, h.id desc
   limit 1;
  if undone.from_status_id is distinct from undoing.to_status_id
     or undone.to_status_id is distinct from undoing.from_status_id
     or undone.left_status_since is distinct from since then
    return false;
  end if;
  -- The status is unchanged by this write, so the lead trigger leaves status_changed_at alone.
  update public.leads l set status_changed_at = since
   where l.id = p_lead_id and l.status_id = undoing.to_status_id;
  return found;
end;
$$;

revoke all on function private.restore_status_changed_at(uuid, timestamp with time zone)
  from public, anon, authenticated;
-- move_lead runs as the signed-in user.
grant execute on function private.restore_status_changed_at(uuid, timestamp with time zone)
  to authenticated, service_role;

-- An optional timestamp argument: absent or null → null; anything but an ISO date-time with a
-- time zone is invalid_parameter_value naming the key.
create function private.sync_opt_timestamptz(args jsonb, key text) returns timestamp with time zone
  language plpgsql
  stable
  set search_path = ''
as $$
declare
  raw text;
begin
  if coalesce(pg_catalog.jsonb_typeof(args -> key), 'null') = 'null' then
    return null;
  end if;
  raw := private.sync_string(args, key);
  if raw !~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}(:?\d{2})?)$' then
    raise exception 'Argument "%" must be a date and time with a time zone', key using errcode = '22023';
  end if;
  return raw::timestamp with time zone;
exception
  when datetime_field_overflow or invalid_datetime_format then
    raise exception 'Argument "%" must be a date and time with a time zone', key using errcode = '22023';
end;
$$;

revoke all on function private.sync_opt_timestamptz(jsonb, text) from public, anon, authenticated;
grant execute on function private.sync_opt_timestamptz(jsonb, text) to authenticated, service_role;

-- A move is one unit: pipeline, status and position together (history via the status trigger).
-- `restore_status_changed_at`: this move undoes the previous one; see above.
create or replace function sync_mutations.move_lead(args jsonb) returns void
  language plpgsql
  security invoker
  set search_path = ''
as $$
declare
  lead_id uuid;
  restore_since timestamp with time zone;
begin
  perform private.sync_check_keys(args, array['id', 'pipeline_id', 'status_id', 'position', 'restore_status_changed_at']);
  lead_id := private.sync_uuid(args, 'id');
  restore_since := private.sync_opt_timestamptz(args, 'restore_status_changed_at');
  update public.leads l set
    pipeline_id = private.sync_uuid(args, 'pipeline_id'),
    status_id = private.sync_uuid(args, 'status_id'),
    position = private.sync_string(args, 'position')
  where l.id = lead_id;
  if not found then
    perform private.sync_not_found('Lead', lead_id);
  end if;
  if restore_since is not null then
    perform private.restore_status_changed_at(lead_id, restore_since);
  end if;
end;
$$;

revoke all on function sync_mutations.move_lead(jsonb) from public, anon, authenticated;
grant execute on function sync_mutations.move_lead(jsonb) to authenticated, service_role;
