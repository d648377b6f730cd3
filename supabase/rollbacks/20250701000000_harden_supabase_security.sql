-- Rolls back 20250701000000_harden_supabase_security. Keeps every lead, pipeline, status and
-- profile (names the migration repaired keep their repaired spelling: the disguised originals
-- are not worth restoring). Grants return to what 20250502/20250601 left: on hosted Supabase
-- that means authenticated regains its default privileges' reach on these tables only where those
-- migrations granted it; anon stays revoked.

update public.schema_versions
set is_active = false, rolled_back_at = now()
where version = '20250701000000_harden_supabase_security';

-- Nudges, and the replicated tables back in Realtime's publication.
do $$
declare
  t text;
begin
  if exists (select 1 from pg_catalog.pg_publication where pubname = 'supabase_realtime') then
    if exists (
      select 1 from pg_catalog.pg_publication_tables
      where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'sync_nudges'
    ) then
      alter publication supabase_realtime drop table public.sync_nudges;
    end if;
    foreach t in array array['profiles', 'pipelines', 'pipeline_statuses', 'leads', 'lead_status_history'] loop
      if not exists (
        select 1 from pg_catalog.pg_publication_tables
        where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = t
      ) then
        execute pg_catalog.format('alter publication supabase_realtime add table public.%I', t);
      end if;
    end loop;
  end if;
end
$$;

drop trigger if exists leads_nudge_audiences_on_insert on public.leads;
drop trigger if exists leads_nudge_audiences_on_update on public.leads;
drop trigger if exists leads_nudge_audiences_on_delete on public.leads;
drop trigger if exists pipelines_nudge_everyone on public.pipelines;
drop trigger if exists pipeline_statuses_nudge_everyone on public.pipeline_statuses;
drop trigger if exists profiles_nudge_everyone on public.profiles;
drop function if exists private.nudge_lead_audiences();
drop function if exists private.nudge_everyone();
drop function if exists private.nudge(text[]);
drop table if exists public.sync_nudges;

-- Roles.
drop function if exists public.set_user_role(uuid, text);
drop trigger if exists profiles_guard_role on public.profiles;
drop function if exists private.guard_profile_role();

-- Input rules.
drop index if exists public.pipeline_statuses_pipeline_id_name_key_key;
alter table public.pipelines
  drop constraint if exists pipelines_name_visible,
  drop constraint if exists pipelines_display_order_range;
alter table public.pipeline_statuses
  drop constraint if exists pipeline_statuses_name_visible,
  drop constraint if exists pipeline_statuses_display_order_range;
alter table public.leads
  drop constraint if exists leads_full_name_visible,
  drop constraint if exists leads_email_length;
alter table public.profiles
  drop constraint if exists profiles_full_name_visible;

-- The functions as 20250401/20250501/20250601 defined them.
create or replace function private.handle_new_user() returns trigger
  language plpgsql
  security definer
  set search_path = ''
as $$
begin
  insert into public.profiles (id, full_name, role)
  values (
    new.id,
    coalesce(
      nullif(btrim(new.raw_user_meta_data ->> 'full_name'), ''),
      nullif(split_part(coalesce(new.email, ''), '@', 1), ''),
      'New user'
    ),
    case when new.raw_user_meta_data ->> 'role' = 'manager' then 'manager' else 'agent' end
  );
  return new;
end;
$$;

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
    (lead_id, from_status_id, to_status_id, from_status_name, to_status_name, changed_by)
  values (
    new.id,
    case when tg_op = 'UPDATE' then old.status_id end,
    new.status_id,
    case when tg_op = 'UPDATE' then (select name from public.pipeline_statuses where id = old.status_id) end,
    (select name from public.pipeline_statuses where id = new.status_id),
    case when exists (select 1 from public.profiles where id = acting_user) then acting_user end
  );
  return null;
end;
$$;

create or replace function sync_mutations.create_lead(args jsonb) returns void
  language plpgsql
  security invoker
  set search_path = ''
as $$
begin
  perform private.sync_check_keys(args, array[
    'id', 'full_name', 'email', 'phone', 'product', 'estimated_premium', 'source', 'assigned_to',
    'notes', 'pipeline_id', 'status_id', 'position']);
  insert into public.leads (
    id, full_name, email, phone, product, estimated_premium, source, assigned_to, notes,
    pipeline_id, status_id, position)
  values (
    private.sync_uuid(args, 'id'),
    pg_catalog.btrim(private.sync_string(args, 'full_name')),
    private.sync_opt_text(args, 'email'),
    private.sync_opt_text(args, 'phone'),
    coalesce(private.sync_opt_text(args, 'product'), 'auto'),
    private.sync_opt_number(args, 'estimated_premium'),
    private.sync_opt_text(args, 'source'),
    private.sync_opt_uuid(args, 'assigned_to'),
    private.sync_opt_text(args, 'notes'),
    private.sync_uuid(args, 'pipeline_id'),
    private.sync_uuid(args, 'status_id'),
    case when args ? 'position' then private.sync_string(args, 'position') end);
end;
$$;

create or replace function sync_mutations.create_pipeline(args jsonb) returns void
  language plpgsql
  security invoker
  set search_path = ''
as $$
declare
  v_pipeline_id uuid;
  st jsonb;
  ord bigint;
begin
  perform private.sync_require_manager();
  perform private.sync_check_keys(args, array['id', 'name', 'description', 'display_order', 'statuses']);
  v_pipeline_id := private.sync_uuid(args, 'id');
  if coalesce(pg_catalog.jsonb_typeof(args -> 'statuses'), 'array') <> 'array' then
    raise exception 'Argument "statuses" must be a list' using errcode = '22023';
  end if;
  insert into public.pipelines (id, name, description, is_default, display_order)
  values (
    v_pipeline_id,
    pg_catalog.btrim(private.sync_string(args, 'name')),
    private.sync_opt_text(args, 'description'),
    -- The first pipeline is the default (there must always be exactly one).
    not exists (select 1 from public.pipelines),
    coalesce(
      private.sync_opt_number(args, 'display_order')::int,
      (select coalesce(max(p.display_order), 0) + 1 from public.pipelines p)));
  for st, ord in
    select e.value, e.ord
    from pg_catalog.jsonb_array_elements(coalesce(args -> 'statuses', '[]'::jsonb)) with ordinality as e(value, ord)
  loop
    perform private.sync_check_keys(st, array[
      'id', 'name', 'description', 'is_final', 'color_hex', 'icon_name', 'ai_action_template']);
    insert into public.pipeline_statuses (
      id, pipeline_id, name, description, is_final, display_order, color_hex, icon_name, ai_action_template)
    values (
      private.sync_uuid(st, 'id'),
      v_pipeline_id,
      pg_catalog.btrim(private.sync_string(st, 'name')),
      private.sync_opt_text(st, 'description'),
      coalesce(private.sync_opt_boolean(st, 'is_final'), false),
      ord,
      case when coalesce(pg_catalog.jsonb_typeof(st -> 'color_hex'), 'null') <> 'null'
           then private.sync_string(st, 'color_hex') end,
      private.sync_opt_text(st, 'icon_name'),
      private.sync_opt_text(st, 'ai_action_template'));
  end loop;
end;
$$;

create or replace function sync_mutations.reorder_pipelines(args jsonb) returns void
  language plpgsql
  security invoker
  set search_path = ''
as $$
declare
  ids uuid[];
begin
  perform private.sync_require_manager();
  perform private.sync_check_keys(args, array['ids']);
  ids := private.sync_id_list(args, 'ids');
  update public.pipelines x set display_order = o.ord
  from pg_catalog.unnest(ids) with ordinality as o(id, ord)
  where x.id = o.id and x.display_order is distinct from o.ord::int;
end;
$$;

create or replace function sync_mutations.reorder_pipeline_statuses(args jsonb) returns void
  language plpgsql
  security invoker
  set search_path = ''
as $$
declare
  v_pipeline_id uuid;
  ids uuid[];
begin
  perform private.sync_require_manager();
  perform private.sync_check_keys(args, array['pipeline_id', 'ids']);
  v_pipeline_id := private.sync_uuid(args, 'pipeline_id');
  ids := private.sync_id_list(args, 'ids');
  update public.pipeline_statuses s set display_order = o.ord
  from pg_catalog.unnest(ids) with ordinality as o(id, ord)
  where s.id = o.id
    and s.pipeline_id = v_pipeline_id
    and s.display_order is distinct from o.ord::int;
end;
$$;

drop function if exists private.sync_limit_ids(uuid[], int);
drop function if exists private.is_valid_name(text);
drop function if exists private.is_blank_text(text);
drop function if exists private.has_bidi_control(text);
drop function if exists private.has_control_char(text);
drop function if exists private.status_name_key(text);
drop function if exists private.clean_display_name(text);

-- Grants as 20250502000000_enable_row_level_security made them.
revoke all on table
  public.profiles, public.lead_statuses, public.leads, public.pipelines, public.pipeline_statuses,
  public.lead_status_history, public.schema_versions
from authenticated;
grant select on table
  public.profiles, public.lead_statuses, public.leads, public.pipelines,
  public.pipeline_statuses, public.lead_status_history, public.schema_versions
to authenticated;
grant insert, update, delete on table
  public.lead_statuses, public.leads, public.pipelines, public.pipeline_statuses
to authenticated;
grant update (full_name) on table public.profiles to authenticated;

-- The trigger functions' default EXECUTE for PUBLIC, as they were created.
grant execute on function
  private.check_lead_references_visible(), private.check_single_default_pipeline(),
  private.fill_lead_position(), private.guard_pipeline_delete(),
  private.guard_pipeline_status_delete(), private.handle_new_user(),
  private.record_lead_status_change(), private.record_lead_visibility_change(),
  private.record_role_change(), private.record_tombstone(), private.stamp_txid(),
  private.touch_updated_at()
to public;
