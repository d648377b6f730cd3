-- Safe on a real hosted Supabase project, not only on our local backend.
--
-- 1. Revoke, then grant. Hosted Supabase's default privileges give anon, authenticated and
--    service_role ALL on every table, function and sequence the migrating role creates in
--    `public`, and PostgREST serves every table a role holds a grant on. Earlier migrations only
--    revoked from anon, so `PATCH /rest/v1/profiles {"role":"manager"}` let an agent promote
--    themselves. Every object of ours in `public` now loses everything, and gets back exactly what
--    the app needs (column lists where a row grant is too wide). anon gets nothing.
-- 2. Roles come from the server: sign-up reads the role from raw_app_meta_data (only the service
--    role writes it), never from raw_user_meta_data (the user writes that). A manager changes a
--    role through public.set_user_role; a trigger refuses any other API route.
-- 3. Input rules match the client's (src/sync/mutations/text-rules.ts, fields.ts): names that
--    are blank once Unicode whitespace, invisible and control characters are removed, and names
--    with bidirectional controls, are refused; status names are unique per pipeline after Unicode
--    normalisation; the client's limits (statuses per new pipeline, ids per reorder,
--    display_order range, field lengths) hold on the server too; create_lead does not reveal a
--    lead the caller cannot see; history keeps the order of moves made in one push.
-- 4. Nudges: a payload-free row per change for each audience that could see it (one user, all
--    managers, everybody), readable under RLS by that audience only and published to Realtime,
--    so a lead reassigned away from an agent still tells that agent to pull.
-- No BEGIN/COMMIT: the runner (and `supabase db push`) wraps the file in one transaction.

insert into public.schema_versions (version, description)
values ('20250701000000_harden_supabase_security',
        'Revoke-then-grant for hosted Supabase, server-side roles, input rules, sync nudges')
on conflict (version) do update
  set is_active = true, rolled_back_at = null, applied_at = now(), description = excluded.description;

-- ---------------------------------------------------------------------------------------------
-- Text rules (twins of src/sync/mutations/text-rules.ts; keep the character classes identical).
-- ---------------------------------------------------------------------------------------------

-- Nothing visible left once whitespace (JavaScript's \s), invisible format characters and
-- control characters are removed.
create function private.is_blank_text(value text) returns boolean
  language sql
  immutable
  parallel safe
  set search_path = ''
as $$
  select pg_catalog.regexp_replace(
    value,
    '[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF\u0001-\u001F\u007F-\u009F]',
    '', 'g') = '';
$$;

-- Bidirectional embeddings, overrides and isolates: they make a name display as something else.
create function private.has_bidi_control(value text) returns boolean
  language sql
  immutable
  parallel safe
  set search_path = ''
as $$
  select value ~ '[\u202A-\u202E\u2066-\u2069]';
$$;

-- A one-line name holds no control character (Postgres text cannot hold NUL at all).
create function private.has_control_char(value text) returns boolean
  language sql
  immutable
  parallel safe
  set search_path = ''
as $$
  select value ~ '[\u0001-\u001F\u007F-\u009F]';
$$;

create function private.is_valid_name(value text) returns boolean
  language sql
  immutable
  parallel safe
  set search_path = ''
as $$
  select not private.is_blank_text(value)
     and not private.has_bidi_control(value)
     and not private.has_control_char(value);
$$;

-- Two status names are the same for a person when these keys are equal ("Won" = "won\u200b").
create function private.status_name_key(value text) returns text
  language sql
  immutable
  parallel safe
  set search_path = ''
as $$
  select pg_catalog.lower(pg_catalog.btrim(pg_catalog.regexp_replace(
    normalize(value, NFKC), '[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]', '', 'g')));
$$;

-- Display names from sign-up metadata are user-written: keep what is printable, never fail the
-- sign-up over it (Supabase Auth would answer "Database error saving new user").
create function private.clean_display_name(value text) returns text
  language sql
  immutable
  parallel safe
  set search_path = ''
as $$
  select nullif(pg_catalog.left(pg_catalog.btrim(pg_catalog.regexp_replace(
    value, '[\u202A-\u202E\u2066-\u2069\u0001-\u001F\u007F-\u009F]', '', 'g')), 200), '');
$$;

-- Existing rows that the new rules refuse are repaired, never dropped: disguising characters
-- removed, blank names named, duplicate status keys numbered like the pipeline migration does.
update public.pipelines set name = coalesce(private.clean_display_name(name), 'Unnamed pipeline')
where not private.is_valid_name(name);
update public.pipeline_statuses set name = coalesce(private.clean_display_name(name), 'Unnamed status')
where not private.is_valid_name(name);
update public.leads set full_name = coalesce(private.clean_display_name(full_name), 'Unnamed lead')
where not private.is_valid_name(full_name);
update public.profiles set full_name = coalesce(private.clean_display_name(full_name), 'Unnamed user')
where not private.is_valid_name(full_name);
update public.pipeline_statuses s
set name = pg_catalog.left(s.name, 74) || ' (' || d.rank || ')'
from (
  select id, row_number() over (
    partition by pipeline_id, private.status_name_key(name) order by display_order, id) as rank
  from public.pipeline_statuses
) d
where d.id = s.id and d.rank > 1;
update public.pipelines set display_order = greatest(0, least(display_order, 1000000))
where display_order not between 0 and 1000000;
update public.pipeline_statuses set display_order = greatest(0, least(display_order, 1000000))
where display_order not between 0 and 1000000;
update public.leads set email = null where char_length(email) > 320;

alter table public.pipelines
  add constraint pipelines_name_visible check (private.is_valid_name(name)),
  add constraint pipelines_display_order_range check (display_order between 0 and 1000000);
alter table public.pipeline_statuses
  add constraint pipeline_statuses_name_visible check (private.is_valid_name(name)),
  add constraint pipeline_statuses_display_order_range check (display_order between 0 and 1000000);
alter table public.leads
  add constraint leads_full_name_visible check (private.is_valid_name(full_name)),
  add constraint leads_email_length check (email is null or char_length(email) <= 320);
alter table public.profiles
  add constraint profiles_full_name_visible check (private.is_valid_name(full_name));

create unique index pipeline_statuses_pipeline_id_name_key_key
  on public.pipeline_statuses (pipeline_id, private.status_name_key(name));

-- ---------------------------------------------------------------------------------------------
-- Roles come from the server.
-- ---------------------------------------------------------------------------------------------

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
      private.clean_display_name(new.raw_user_meta_data ->> 'full_name'),
      private.clean_display_name(split_part(coalesce(new.email, ''), '@', 1)),
      'New user'
    ),
    -- raw_app_meta_data is written only by the service role (Auth admin API, SQL editor);
    -- raw_user_meta_data is whatever the user typed at sign-up and never decides a role.
    case when new.raw_app_meta_data ->> 'role' = 'manager' then 'manager' else 'agent' end
  );
  return new;
end;
$$;

-- A role changes only through set_user_role (which says so for this transaction) or as a role
-- that is not an API role (service_role, the SQL editor, migrations).
create function private.guard_profile_role() returns trigger
  language plpgsql
  set search_path = ''
as $$
begin
  if new.role is distinct from old.role
     and (select auth.role()) in ('anon', 'authenticated')
     and coalesce(current_setting('leadlanes.role_change', true), '') <> 'set_user_role' then
    raise exception 'Roles are changed by a manager (set_user_role) or an administrator'
      using errcode = '42501';
  end if;
  return new;
end;
$$;

create trigger profiles_guard_role
  before update of role on public.profiles
  for each row execute function private.guard_profile_role();

create function public.set_user_role(target_user uuid, new_role text) returns void
  language plpgsql
  security definer
  set search_path = ''
as $$
begin
  if not private.is_manager() then
    raise exception 'Only managers can change roles' using errcode = '42501';
  end if;
  if target_user = (select auth.uid()) then
    raise exception 'You cannot change your own role' using errcode = '42501',
      hint = 'Ask another manager or an administrator.';
  end if;
  if new_role is null or new_role not in ('agent', 'manager') then
    raise exception 'Role must be agent or manager' using errcode = '22023';
  end if;
  if not exists (select 1 from public.profiles where id = target_user) then
    raise exception 'No such user' using errcode = 'P0002';
  end if;
  perform pg_catalog.set_config('leadlanes.role_change', 'set_user_role', true);
  update public.profiles set role = new_role where id = target_user;
  perform pg_catalog.set_config('leadlanes.role_change', '', true);
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Mutations whose rules change (bodies otherwise as in 20250601000000_add_sync).
-- ---------------------------------------------------------------------------------------------

-- A lead id the caller cannot see answers exactly like any other refused insert, so the refusal
-- does not reveal that the lead exists.
create or replace function sync_mutations.create_lead(args jsonb) returns void
  language plpgsql
  security invoker
  set search_path = ''
as $$
declare
  v_id uuid;
  v_constraint text;
begin
  perform private.sync_check_keys(args, array[
    'id', 'full_name', 'email', 'phone', 'product', 'estimated_premium', 'source', 'assigned_to',
    'notes', 'pipeline_id', 'status_id', 'position']);
  v_id := private.sync_uuid(args, 'id');
  begin
    insert into public.leads (
      id, full_name, email, phone, product, estimated_premium, source, assigned_to, notes,
      pipeline_id, status_id, position)
    values (
      v_id,
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
  exception
    when unique_violation then
      get stacked diagnostics v_constraint = constraint_name;
      if v_constraint <> 'leads_pkey' then
        raise;
      end if;
      if exists (select 1 from public.leads l where l.id = v_id) then
        raise exception 'A lead with this id already exists' using errcode = '23505';
      end if;
      raise exception 'You cannot create this lead' using errcode = '42501';
    when insufficient_privilege then
      raise exception 'You cannot create this lead' using errcode = '42501';
  end;
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
  -- The client's limit (src/sync/mutations/create-pipeline.ts).
  if pg_catalog.jsonb_array_length(coalesce(args -> 'statuses', '[]'::jsonb)) > 50 then
    raise exception 'At most 50 statuses' using errcode = '22023';
  end if;
  insert into public.pipelines (id, name, description, is_default, display_order)
  values (
    v_pipeline_id,
    pg_catalog.btrim(private.sync_string(args, 'name')),
    private.sync_opt_text(args, 'description'),
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

-- The client's limits per reorder (src/sync/mutations/reorder-*.ts).
create function private.sync_limit_ids(ids uuid[], max_count int) returns uuid[]
  language plpgsql
  immutable
  set search_path = ''
as $$
begin
  if pg_catalog.cardinality(ids) > max_count then
    raise exception 'At most % ids per reorder', max_count using errcode = '22023';
  end if;
  return ids;
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
  ids := private.sync_limit_ids(private.sync_id_list(args, 'ids'), 500);
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
  ids := private.sync_limit_ids(private.sync_id_list(args, 'ids'), 200);
  update public.pipeline_statuses s set display_order = o.ord
  from pg_catalog.unnest(ids) with ordinality as o(id, ord)
  where s.id = o.id
    and s.pipeline_id = v_pipeline_id
    and s.display_order is distinct from o.ord::int;
end;
$$;

-- History in the order the moves happened: one push runs in one transaction, where now() is the
-- same for every move; clock_timestamp() is not.
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

-- ---------------------------------------------------------------------------------------------
-- Nudges. Realtime's postgres_changes checks each change against the subscriber's RLS, so a
-- lead reassigned away from an agent (the new row is no longer theirs) sends them nothing. Each
-- change instead writes one payload-free row per audience that could see it before or after;
-- clients subscribe to the rows they may read and pull. The pull stays the only source of rows.
-- Insert-only (one row per transaction and audience), so concurrent writers never wait on a
-- shared counter row; rows older than a few minutes are removed as new ones arrive.
-- ---------------------------------------------------------------------------------------------

create table public.sync_nudges (
  txid xid8 not null default pg_catalog.pg_current_xact_id(),
  -- 'all' (every signed-in user), 'managers', or a user id: who should pull.
  audience text not null
    constraint sync_nudges_audience_format check (
      audience in ('all', 'managers')
      or audience ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
  created_at timestamp with time zone not null default now(),
  primary key (txid, audience)
);

create index idx_sync_nudges_audience on public.sync_nudges (audience);
create index idx_sync_nudges_created_at on public.sync_nudges (created_at);

alter table public.sync_nudges enable row level security;

create policy "Users read the nudges meant for them"
  on public.sync_nudges for select to authenticated
  using (
    audience = 'all'
    or audience = (select auth.uid())::text
    or (audience = 'managers' and (select private.is_manager()))
  );

create function private.nudge(audiences text[]) returns void
  language plpgsql
  security definer
  set search_path = ''
as $$
begin
  insert into public.sync_nudges (audience)
  select distinct a from pg_catalog.unnest(audiences) a where a is not null
  on conflict do nothing;
  -- Housekeeping without contention: skip rows another transaction is already removing.
  delete from public.sync_nudges n
  where n.ctid = any (array(
    select o.ctid from public.sync_nudges o
    where o.created_at < now() - interval '5 minutes'
    limit 100
    for update skip locked));
end;
$$;

-- Leads: the old and new assignee, every manager, and everybody when the lead is (or was) in
-- the unassigned pool, which every agent sees. Statement-level with transition tables, so a bulk
-- import writes a handful of nudges, not one per lead.
create function private.nudge_lead_audiences() returns trigger
  language plpgsql
  security definer
  set search_path = ''
as $$
declare
  owners text[];
begin
  if tg_op = 'INSERT' then
    select pg_catalog.array_agg(distinct coalesce(n.assigned_to::text, 'all')) into owners
    from new_leads n;
  elsif tg_op = 'UPDATE' then
    select pg_catalog.array_agg(distinct coalesce(x.owner::text, 'all')) into owners
    from (select o.assigned_to as owner from old_leads o
          union select n.assigned_to from new_leads n) x;
  else
    select pg_catalog.array_agg(distinct coalesce(o.assigned_to::text, 'all')) into owners
    from old_leads o;
  end if;
  if owners is not null then
    perform private.nudge(owners || array['managers']);
  end if;
  return null;
end;
$$;

-- Pipelines, statuses and profiles are visible to every signed-in user.
create function private.nudge_everyone() returns trigger
  language plpgsql
  security definer
  set search_path = ''
as $$
begin
  perform private.nudge(array['all']);
  return null;
end;
$$;

create trigger leads_nudge_audiences_on_insert
  after insert on public.leads referencing new table as new_leads
  for each statement execute function private.nudge_lead_audiences();
create trigger leads_nudge_audiences_on_update
  after update on public.leads referencing old table as old_leads new table as new_leads
  for each statement execute function private.nudge_lead_audiences();
create trigger leads_nudge_audiences_on_delete
  after delete on public.leads referencing old table as old_leads
  for each statement execute function private.nudge_lead_audiences();
create trigger pipelines_nudge_everyone
  after insert or update or delete on public.pipelines
  for each statement execute function private.nudge_everyone();
create trigger pipeline_statuses_nudge_everyone
  after insert or update or delete on public.pipeline_statuses
  for each statement execute function private.nudge_everyone();
create trigger profiles_nudge_everyone
  after insert or update or delete on public.profiles
  for each statement execute function private.nudge_everyone();

-- Realtime publishes the nudges instead of the replicated tables: clients only ever used those
-- events as a signal to pull, and RLS hid exactly the ones that mattered.
do $$
declare
  t text;
begin
  if exists (select 1 from pg_catalog.pg_publication where pubname = 'supabase_realtime') then
    foreach t in array array['profiles', 'pipelines', 'pipeline_statuses', 'leads', 'lead_status_history'] loop
      if exists (
        select 1 from pg_catalog.pg_publication_tables
        where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = t
      ) then
        execute pg_catalog.format('alter publication supabase_realtime drop table public.%I', t);
      end if;
    end loop;
    alter publication supabase_realtime add table public.sync_nudges;
  end if;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Revoke, then grant. Tables: the verbs and columns the app uses; RLS then decides the rows.
-- ---------------------------------------------------------------------------------------------

revoke all on table
  public.profiles, public.lead_statuses, public.leads, public.pipelines, public.pipeline_statuses,
  public.lead_status_history, public.schema_versions, public.sync_nudges
from public, anon, authenticated;
revoke all on sequence public.schema_versions_id_seq from public, anon, authenticated;

grant select on table
  public.profiles, public.lead_statuses, public.leads, public.pipelines, public.pipeline_statuses,
  public.lead_status_history, public.schema_versions, public.sync_nudges
to authenticated;

-- A person may rename themselves; nothing else about a profile is theirs to write.
grant update (full_name) on table public.profiles to authenticated;

-- Legacy statuses: managers only (RLS).
grant insert, update, delete on table public.lead_statuses to authenticated;

-- Leads: the fields a person edits. Timestamps, the legacy status text, the change-feed txid and
-- the history are the server's.
grant insert (id, full_name, email, phone, product, estimated_premium, source, assigned_to, notes,
              pipeline_id, status_id, position)
  on table public.leads to authenticated;
grant update (full_name, email, phone, product, estimated_premium, source, assigned_to, notes,
              pipeline_id, status_id, position)
  on table public.leads to authenticated;
grant delete on table public.leads to authenticated;

-- Pipelines and statuses: managers only (RLS); a status never moves to another pipeline and
-- never claims a legacy value.
grant insert (id, name, description, is_default, display_order) on table public.pipelines to authenticated;
grant update (name, description, is_default, display_order) on table public.pipelines to authenticated;
grant delete on table public.pipelines to authenticated;
grant insert (id, pipeline_id, name, description, is_final, display_order, color_hex, icon_name,
              ai_action_template)
  on table public.pipeline_statuses to authenticated;
grant update (name, description, is_final, display_order, color_hex, icon_name, ai_action_template)
  on table public.pipeline_statuses to authenticated;
grant delete on table public.pipeline_statuses to authenticated;

grant all on table
  public.profiles, public.lead_statuses, public.leads, public.pipelines, public.pipeline_statuses,
  public.lead_status_history, public.schema_versions, public.sync_nudges
to service_role;

-- Functions: every function of ours in public loses its default grants (PUBLIC's EXECUTE, and
-- hosted Supabase's anon/authenticated ALL); the API functions get EXECUTE back for signed-in
-- users. Private helpers new in this file get the same treatment as the older ones.
do $$
declare
  f record;
begin
  for f in
    select p.oid::regprocedure as sig
    from pg_catalog.pg_proc p
    join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and p.proname in ('sync_push', 'sync_pull', 'set_user_role')
       or n.nspname = 'private' and p.proname in (
            'is_blank_text', 'has_bidi_control', 'has_control_char', 'is_valid_name',
            'status_name_key', 'clean_display_name', 'guard_profile_role', 'sync_limit_ids',
            'nudge', 'nudge_lead_audiences', 'nudge_everyone')
  loop
    execute pg_catalog.format('revoke all on function %s from public, anon, authenticated', f.sig);
    execute pg_catalog.format('grant execute on function %s to service_role', f.sig);
  end loop;
end
$$;

-- Trigger functions never needed PUBLIC's default EXECUTE (a trigger fires whoever writes).
do $$
declare
  f record;
begin
  for f in
    select p.oid::regprocedure as sig
    from pg_catalog.pg_proc p
    join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    where n.nspname in ('private', 'sync_mutations')
      and (p.proacl is null or exists (
            select 1 from pg_catalog.aclexplode(p.proacl) a where a.grantee = 0))
  loop
    execute pg_catalog.format('revoke all on function %s from public, anon', f.sig);
  end loop;
end
$$;

grant execute on function public.sync_push(uuid, jsonb) to authenticated;
grant execute on function public.sync_pull(uuid, text, jsonb, int) to authenticated;
grant execute on function public.set_user_role(uuid, text) to authenticated;
-- Called from constraints, an index and sync functions that run as the signed-in user.
grant execute on function private.is_blank_text(text), private.has_bidi_control(text),
  private.has_control_char(text), private.is_valid_name(text), private.status_name_key(text),
  private.sync_limit_ids(uuid[], int)
to authenticated;
