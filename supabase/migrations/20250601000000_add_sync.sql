-- Local-first sync (docs/sync.md): card positions, a change feed in commit order, exactly-once
-- mutations through a per-client ledger, and the two RPCs the client calls (sync_push, sync_pull).
-- No BEGIN/COMMIT: the runner wraps the file in one transaction with its history row.

insert into public.schema_versions (version, description)
values ('20250601000000_add_sync', 'Local-first sync: positions, change feed, mutation ledger')
on conflict (version) do update
  set is_active = true, rolled_back_at = null, applied_at = now(), description = excluded.description;

-- ---------------------------------------------------------------------------------------------
-- Card order: fractional-index keys (the `fractional-indexing` npm package's base-62 format).
-- collate "C" so the database orders keys byte-wise, exactly as JavaScript and IndexedDB do.
-- ---------------------------------------------------------------------------------------------

-- The smallest key after `key` (NULL = the first key, 'a0'), as generateKeyBetween(key, null)
-- would give it: increment the integer part (head letter + digits), carrying into a longer head.
create function private.fractional_key_after(key text) returns text
  language plpgsql
  immutable
  set search_path = ''
as $$
declare
  digits constant text := '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  head text;
  int_len int;
  int_digits text[];
  d int;
  carry boolean := true;
begin
  if key is null or key = '' then
    return 'a0';
  end if;
  head := substr(key, 1, 1);
  if head between 'a' and 'z' then
    int_len := ascii(head) - ascii('a') + 2;
  elsif head between 'A' and 'Z' then
    int_len := ascii('Z') - ascii(head) + 2;
  else
    raise exception 'Invalid order key %', key using errcode = '22023';
  end if;
  int_digits := regexp_split_to_array(substr(key, 2, int_len - 1), '');
  for i in reverse array_length(int_digits, 1)..1 loop
    exit when not carry;
    d := strpos(digits, int_digits[i]);
    if d = 62 then
      int_digits[i] := '0';
    else
      int_digits[i] := substr(digits, d + 1, 1);
      carry := false;
    end if;
  end loop;
  if not carry then
    return head || array_to_string(int_digits, '');
  end if;
  if head = 'Z' then
    return 'a0';
  end if;
  if head = 'z' then
    -- 62^26 cards in one column: never, but say so rather than produce a wrong key.
    raise exception 'Order key space exhausted after %', key using errcode = '22003';
  end if;
  head := chr(ascii(head) + 1);
  if head > 'a' then
    int_digits := int_digits || '0'::text;
  else
    int_digits := int_digits[1:array_length(int_digits, 1) - 1];
  end if;
  return head || array_to_string(int_digits, '');
end;
$$;

alter table public.leads add column position text collate "C";
alter table public.leads add column status_changed_at timestamp with time zone;

-- Existing leads: keys in display order (oldest first) within each column; when their status
-- last changed comes from the history, else their creation. Not an edit: updated_at stays.
alter table public.leads disable trigger leads_touch_updated_at;
do $$
declare
  r record;
  prev_key text;
  prev_column text;
begin
  for r in
    select id, pipeline_id::text || '/' || status_id::text as col
    from public.leads
    order by pipeline_id, status_id, created_at, id
  loop
    if prev_column is distinct from r.col then
      prev_key := null;
      prev_column := r.col;
    end if;
    prev_key := private.fractional_key_after(prev_key);
    update public.leads set position = prev_key where id = r.id;
  end loop;
end
$$;
update public.leads l
set status_changed_at = coalesce(
  (select max(h.changed_at) from public.lead_status_history h where h.lead_id = l.id),
  l.created_at);
alter table public.leads enable trigger leads_touch_updated_at;

alter table public.leads alter column status_changed_at set default now();
alter table public.leads alter column status_changed_at set not null;
alter table public.leads alter column position set not null;
alter table public.leads
  add constraint leads_position_format check (position ~ '^[0-9A-Za-z]{1,255}$');

create index idx_leads_column_position on public.leads (pipeline_id, status_id, position);

-- A lead written without a position (seed data, SQL editor, older clients) goes to the end of
-- its column. SECURITY DEFINER: "the end" must count every lead, not only those RLS shows.
create function private.fill_lead_position() returns trigger
  language plpgsql
  security definer
  set search_path = ''
as $$
begin
  if new.position is null then
    new.position := private.fractional_key_after((
      select max(l.position) from public.leads l
      where l.pipeline_id = new.pipeline_id and l.status_id = new.status_id and l.id <> new.id));
  end if;
  if tg_op = 'INSERT' then
    -- An imported lead may say since when it has been in its status (the demo seed does); never
    -- later than now. The sync functions do not pass it, so app-created leads start now.
    new.status_changed_at := least(coalesce(new.status_changed_at, now()), now());
  elsif new.status_id is distinct from old.status_id then
    new.status_changed_at := now();
  end if;
  return new;
end;
$$;

create trigger leads_fill_position
  before insert or update on public.leads
  for each row execute function private.fill_lead_position();

-- ---------------------------------------------------------------------------------------------
-- Change feed. Every replicated row carries the id of the transaction that last wrote it. A pull
-- returns the visible rows with _txid >= cursor and hands back the xmin of its snapshot as the
-- next cursor: every transaction below xmin has finished, and any transaction still running (or
-- not yet started) has an id >= xmin, so a row it commits later lands at or above the next
-- cursor. No row is skipped, however transactions interleave — unlike a sequence or a timestamp,
-- which a slow transaction can take "in the past".
-- ---------------------------------------------------------------------------------------------

create function private.stamp_txid() returns trigger
  language plpgsql
  set search_path = ''
as $$
begin
  new._txid := pg_catalog.pg_current_xact_id();
  return new;
end;
$$;

alter table public.profiles add column _txid xid8 not null default pg_current_xact_id();
alter table public.pipelines add column _txid xid8 not null default pg_current_xact_id();
alter table public.pipeline_statuses add column _txid xid8 not null default pg_current_xact_id();
alter table public.leads add column _txid xid8 not null default pg_current_xact_id();
alter table public.lead_status_history add column _txid xid8 not null default pg_current_xact_id();

create index idx_profiles_txid on public.profiles (_txid);
create index idx_pipelines_txid on public.pipelines (_txid);
create index idx_pipeline_statuses_txid on public.pipeline_statuses (_txid);
create index idx_leads_txid on public.leads (_txid);
create index idx_lead_status_history_txid on public.lead_status_history (_txid);

create trigger profiles_stamp_txid before insert or update on public.profiles
  for each row execute function private.stamp_txid();
create trigger pipelines_stamp_txid before insert or update on public.pipelines
  for each row execute function private.stamp_txid();
create trigger pipeline_statuses_stamp_txid before insert or update on public.pipeline_statuses
  for each row execute function private.stamp_txid();
create trigger leads_stamp_txid before insert or update on public.leads
  for each row execute function private.stamp_txid();
create trigger lead_status_history_stamp_txid before insert or update on public.lead_status_history
  for each row execute function private.stamp_txid();

-- Deleted rows, and rows that may have left someone's view. A pull sends a tombstone only to a
-- caller who cannot see the row now, so one tombstone per row (the latest) is enough.
create table private.sync_tombstones (
  table_name text not null,
  row_id uuid not null,
  _txid xid8 not null default pg_current_xact_id(),
  primary key (table_name, row_id)
);
create index idx_sync_tombstones_txid on private.sync_tombstones (_txid);

alter table private.sync_tombstones enable row level security;
grant select on table private.sync_tombstones to authenticated;
grant all on table private.sync_tombstones to service_role;
-- Tombstones hold only ids; which ones a caller receives is decided by sync_pull's visibility test.
create policy "Signed-in users read tombstones"
  on private.sync_tombstones for select to authenticated
  using (true);

-- SECURITY DEFINER: written on behalf of whoever deletes (agents have no rights on this table).
create function private.record_tombstone() returns trigger
  language plpgsql
  security definer
  set search_path = ''
as $$
begin
  insert into private.sync_tombstones (table_name, row_id)
  values (tg_table_name, old.id)
  on conflict (table_name, row_id) do update set _txid = excluded._txid;
  return null;
end;
$$;

create trigger profiles_record_tombstone after delete on public.profiles
  for each row execute function private.record_tombstone();
create trigger pipelines_record_tombstone after delete on public.pipelines
  for each row execute function private.record_tombstone();
create trigger pipeline_statuses_record_tombstone after delete on public.pipeline_statuses
  for each row execute function private.record_tombstone();
create trigger leads_record_tombstone after delete on public.leads
  for each row execute function private.record_tombstone();
create trigger lead_status_history_record_tombstone after delete on public.lead_status_history
  for each row execute function private.record_tombstone();

-- A reassigned lead leaves the previous agent's view (tombstone) and enters the new one's; its
-- history follows the lead's visibility, so it is re-sent too (the new viewer has never seen it).
create function private.record_lead_visibility_change() returns trigger
  language plpgsql
  security definer
  set search_path = ''
as $$
begin
  insert into private.sync_tombstones (table_name, row_id)
  values ('leads', new.id)
  on conflict (table_name, row_id) do update set _txid = excluded._txid;
  update public.lead_status_history set _txid = pg_catalog.pg_current_xact_id() where lead_id = new.id;
  return null;
end;
$$;

create trigger leads_record_visibility_change
  after update of assigned_to on public.leads
  for each row
  when (old.assigned_to is distinct from new.assigned_to)
  execute function private.record_lead_visibility_change();

-- A role change alters what a person may see everywhere at once: their clients start over.
create table private.sync_user_resets (
  user_id uuid primary key references auth.users (id) on delete cascade,
  _txid xid8 not null default pg_current_xact_id()
);
create index idx_sync_user_resets_txid on private.sync_user_resets (_txid);
alter table private.sync_user_resets enable row level security;
grant select on table private.sync_user_resets to authenticated;
grant all on table private.sync_user_resets to service_role;
create policy "Users read their own resets"
  on private.sync_user_resets for select to authenticated
  using (user_id = (select auth.uid()));

create function private.record_role_change() returns trigger
  language plpgsql
  security definer
  set search_path = ''
as $$
begin
  insert into private.sync_user_resets (user_id) values (new.id)
  on conflict (user_id) do update set _txid = excluded._txid;
  return null;
end;
$$;

create trigger profiles_record_role_change
  after update of role on public.profiles
  for each row
  when (old.role is distinct from new.role)
  execute function private.record_role_change();

-- ---------------------------------------------------------------------------------------------
-- Exactly-once mutations: a ledger row per (client, mutation id), written in the same transaction
-- as the mutation's effect. A retried push finds it and returns the stored result.
-- ---------------------------------------------------------------------------------------------

-- Which user a client id belongs to; a client id is never shared between users.
create table private.sync_clients (
  client_id uuid primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamp with time zone not null default now()
);
create index idx_sync_clients_user_id on private.sync_clients (user_id);
alter table private.sync_clients enable row level security;
grant all on table private.sync_clients to service_role;
-- No policies for authenticated: only private.claim_sync_client reads and writes it.

-- SECURITY DEFINER: must see every client to refuse one that belongs to someone else.
create function private.owns_sync_client(p_client_id uuid) returns boolean
  language sql
  stable
  security definer
  set search_path = ''
as $$
  select exists (
    select 1 from private.sync_clients c
    where c.client_id = p_client_id and c.user_id = (select auth.uid())
  );
$$;

create function private.claim_sync_client(p_client_id uuid) returns boolean
  language plpgsql
  security definer
  set search_path = ''
as $$
begin
  insert into private.sync_clients (client_id, user_id)
  values (p_client_id, auth.uid())
  on conflict (client_id) do nothing;
  return private.owns_sync_client(p_client_id);
end;
$$;

create table private.sync_client_mutations (
  client_id uuid not null references private.sync_clients (client_id) on delete cascade,
  mutation_id bigint not null constraint sync_client_mutations_mutation_id_positive check (mutation_id > 0),
  user_id uuid not null references auth.users (id) on delete cascade,
  name text not null,
  status text not null constraint sync_client_mutations_status_check check (status in ('applied', 'rejected')),
  error_code text,
  error_message text,
  processed_at timestamp with time zone not null default now(),
  _txid xid8 not null default pg_current_xact_id(),
  primary key (client_id, mutation_id)
);
create index idx_sync_client_mutations_user_id on private.sync_client_mutations (user_id);
create index idx_sync_client_mutations_txid on private.sync_client_mutations (client_id, _txid);

alter table private.sync_client_mutations enable row level security;
grant select, insert on table private.sync_client_mutations to authenticated;
grant all on table private.sync_client_mutations to service_role;
create policy "Users read their own mutation ledger"
  on private.sync_client_mutations for select to authenticated
  using (user_id = (select auth.uid()));
create policy "Users write their own mutation ledger"
  on private.sync_client_mutations for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and (select private.owns_sync_client(client_id))
  );

revoke all on function private.fractional_key_after(text) from public;
revoke all on function private.owns_sync_client(uuid) from public;
revoke all on function private.claim_sync_client(uuid) from public;
grant execute on function private.fractional_key_after(text) to authenticated, service_role;
grant execute on function private.owns_sync_client(uuid) to authenticated, service_role;
grant execute on function private.claim_sync_client(uuid) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Mutations, one SQL function per client mutation (src/sync/mutations/<name>.ts), in a schema
-- the API does not expose: they are reached only through sync_push. SECURITY INVOKER, so RLS and
-- grants apply exactly as for a direct write (an agent cannot change pipelines this way either).
-- Each validates its arguments itself: the client is never trusted.
-- ---------------------------------------------------------------------------------------------

create schema sync_mutations;
grant usage on schema sync_mutations to authenticated, service_role;

-- Argument readers. A malformed argument is invalid_parameter_value (22023) naming the key.
create function private.sync_check_keys(args jsonb, allowed text[]) returns void
  language plpgsql
  immutable
  set search_path = ''
as $$
declare
  extra text;
begin
  if args is null or pg_catalog.jsonb_typeof(args) <> 'object' then
    raise exception 'Arguments must be a JSON object' using errcode = '22023';
  end if;
  select k into extra from pg_catalog.jsonb_object_keys(args) k where not (k = any (allowed)) limit 1;
  if extra is not null then
    raise exception 'Unknown argument "%"', extra using errcode = '22023';
  end if;
end;
$$;

create function private.sync_string(args jsonb, key text) returns text
  language plpgsql
  immutable
  set search_path = ''
as $$
begin
  if pg_catalog.jsonb_typeof(args -> key) is distinct from 'string' then
    raise exception 'Argument "%" must be a string', key using errcode = '22023';
  end if;
  return args ->> key;
end;
$$;

-- Optional text as the client normalises it: absent or null → null, trimmed, blank → null.
create function private.sync_opt_text(args jsonb, key text) returns text
  language plpgsql
  immutable
  set search_path = ''
as $$
begin
  if coalesce(pg_catalog.jsonb_typeof(args -> key), 'null') = 'null' then
    return null;
  end if;
  return nullif(pg_catalog.btrim(private.sync_string(args, key)), '');
end;
$$;

create function private.sync_uuid(args jsonb, key text) returns uuid
  language plpgsql
  immutable
  set search_path = ''
as $$
begin
  return private.sync_string(args, key)::uuid;
exception
  when invalid_text_representation then
    raise exception 'Argument "%" must be an id', key using errcode = '22023';
end;
$$;

create function private.sync_opt_uuid(args jsonb, key text) returns uuid
  language plpgsql
  immutable
  set search_path = ''
as $$
begin
  if coalesce(pg_catalog.jsonb_typeof(args -> key), 'null') = 'null' then
    return null;
  end if;
  return private.sync_uuid(args, key);
end;
$$;

create function private.sync_opt_number(args jsonb, key text) returns numeric
  language plpgsql
  immutable
  set search_path = ''
as $$
declare
  kind text := coalesce(pg_catalog.jsonb_typeof(args -> key), 'null');
begin
  if kind = 'null' then
    return null;
  elsif kind <> 'number' then
    raise exception 'Argument "%" must be a number', key using errcode = '22023';
  end if;
  return (args ->> key)::numeric;
end;
$$;

create function private.sync_opt_boolean(args jsonb, key text) returns boolean
  language plpgsql
  immutable
  set search_path = ''
as $$
declare
  kind text := coalesce(pg_catalog.jsonb_typeof(args -> key), 'null');
begin
  if kind = 'null' then
    return null;
  elsif kind <> 'boolean' then
    raise exception 'Argument "%" must be true or false', key using errcode = '22023';
  end if;
  return (args ->> key)::boolean;
end;
$$;

-- The `patch` of an update mutation: an object with at least one allowed key.
create function private.sync_patch(args jsonb, allowed text[]) returns jsonb
  language plpgsql
  immutable
  set search_path = ''
as $$
begin
  perform private.sync_check_keys(args, array['id', 'patch']);
  perform private.sync_check_keys(args -> 'patch', allowed);
  if args -> 'patch' = '{}'::jsonb then
    raise exception 'Nothing to change' using errcode = '22023';
  end if;
  return args -> 'patch';
end;
$$;

-- Ordered ids (reorder mutations): a JSON array of distinct ids.
create function private.sync_id_list(args jsonb, key text) returns uuid[]
  language plpgsql
  immutable
  set search_path = ''
as $$
declare
  ids uuid[];
begin
  if pg_catalog.jsonb_typeof(args -> key) is distinct from 'array' then
    raise exception 'Argument "%" must be a list of ids', key using errcode = '22023';
  end if;
  select pg_catalog.array_agg(private.sync_uuid(pg_catalog.jsonb_build_object('id', e.value), 'id') order by e.ord)
    into ids
    from pg_catalog.jsonb_array_elements(args -> key) with ordinality as e(value, ord);
  if ids is null or (select count(distinct x) from pg_catalog.unnest(ids) x) <> pg_catalog.cardinality(ids) then
    raise exception 'Argument "%" must list distinct ids', key using errcode = '22023';
  end if;
  return ids;
end;
$$;

create function private.sync_require_manager() returns void
  language plpgsql
  stable
  set search_path = ''
as $$
begin
  if not private.is_manager() then
    raise exception 'Only managers can change pipelines and statuses' using errcode = '42501';
  end if;
end;
$$;

create function private.sync_not_found(what text, row_id uuid) returns void
  language plpgsql
  immutable
  set search_path = ''
as $$
begin
  raise exception '% % no longer exists or is not visible to you', what, row_id using errcode = 'P0002';
end;
$$;

-- Leads ---------------------------------------------------------------------------------------

create function sync_mutations.create_lead(args jsonb) returns void
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

-- Field-level: a column not in the patch is left as it is (another writer's change survives).
create function sync_mutations.update_lead(args jsonb) returns void
  language plpgsql
  security invoker
  set search_path = ''
as $$
declare
  p jsonb := private.sync_patch(args, array[
    'full_name', 'email', 'phone', 'product', 'estimated_premium', 'source', 'assigned_to', 'notes']);
  lead_id uuid := private.sync_uuid(args, 'id');
begin
  update public.leads l set
    full_name = case when p ? 'full_name' then pg_catalog.btrim(private.sync_string(p, 'full_name')) else l.full_name end,
    email = case when p ? 'email' then private.sync_opt_text(p, 'email') else l.email end,
    phone = case when p ? 'phone' then private.sync_opt_text(p, 'phone') else l.phone end,
    product = case when p ? 'product' then private.sync_string(p, 'product') else l.product end,
    estimated_premium = case when p ? 'estimated_premium' then private.sync_opt_number(p, 'estimated_premium') else l.estimated_premium end,
    source = case when p ? 'source' then private.sync_opt_text(p, 'source') else l.source end,
    assigned_to = case when p ? 'assigned_to' then private.sync_opt_uuid(p, 'assigned_to') else l.assigned_to end,
    notes = case when p ? 'notes' then private.sync_opt_text(p, 'notes') else l.notes end
  where l.id = lead_id;
  if not found then
    perform private.sync_not_found('Lead', lead_id);
  end if;
end;
$$;

-- A move is one unit: pipeline, status and position together (history via the status trigger).
create function sync_mutations.move_lead(args jsonb) returns void
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

create function sync_mutations.delete_lead(args jsonb) returns void
  language plpgsql
  security invoker
  set search_path = ''
as $$
declare
  lead_id uuid;
begin
  perform private.sync_check_keys(args, array['id']);
  lead_id := private.sync_uuid(args, 'id');
  delete from public.leads l where l.id = lead_id;
  if not found then
    if exists (select 1 from public.leads l where l.id = lead_id) then
      raise exception 'Only managers can delete leads' using errcode = '42501';
    end if;
    perform private.sync_not_found('Lead', lead_id);
  end if;
end;
$$;

-- Pipelines -----------------------------------------------------------------------------------

create function sync_mutations.create_pipeline(args jsonb) returns void
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

create function sync_mutations.update_pipeline(args jsonb) returns void
  language plpgsql
  security invoker
  set search_path = ''
as $$
declare
  p jsonb;
  target uuid;
begin
  perform private.sync_require_manager();
  p := private.sync_patch(args, array['name', 'description']);
  target := private.sync_uuid(args, 'id');
  update public.pipelines x set
    name = case when p ? 'name' then pg_catalog.btrim(private.sync_string(p, 'name')) else x.name end,
    description = case when p ? 'description' then private.sync_opt_text(p, 'description') else x.description end
  where x.id = target;
  if not found then
    perform private.sync_not_found('Pipeline', target);
  end if;
end;
$$;

create function sync_mutations.reorder_pipelines(args jsonb) returns void
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

create function sync_mutations.set_default_pipeline(args jsonb) returns void
  language plpgsql
  security invoker
  set search_path = ''
as $$
declare
  target uuid;
begin
  perform private.sync_require_manager();
  perform private.sync_check_keys(args, array['id']);
  target := private.sync_uuid(args, 'id');
  if not exists (select 1 from public.pipelines x where x.id = target) then
    perform private.sync_not_found('Pipeline', target);
  end if;
  -- Two statements: the partial unique index allows one default at any instant.
  update public.pipelines x set is_default = false where x.is_default and x.id <> target;
  update public.pipelines x set is_default = true where x.id = target and not x.is_default;
end;
$$;

-- Moves the pipeline's leads (when asked) and deletes it in one operation.
create function sync_mutations.delete_pipeline(args jsonb) returns void
  language plpgsql
  security invoker
  set search_path = ''
as $$
declare
  source_id uuid;
  move_to jsonb;
  target_id uuid;
  status_map jsonb;
  unmapped text;
begin
  perform private.sync_require_manager();
  perform private.sync_check_keys(args, array['id', 'move_to']);
  source_id := private.sync_uuid(args, 'id');
  if not exists (select 1 from public.pipelines x where x.id = source_id) then
    perform private.sync_not_found('Pipeline', source_id);
  end if;
  move_to := args -> 'move_to';
  if coalesce(pg_catalog.jsonb_typeof(move_to), 'null') <> 'null' then
    perform private.sync_check_keys(move_to, array['pipeline_id', 'status_map']);
    target_id := private.sync_uuid(move_to, 'pipeline_id');
    status_map := move_to -> 'status_map';
    if pg_catalog.jsonb_typeof(status_map) is distinct from 'object' then
      raise exception 'Argument "move_to.status_map" must map status ids to status ids' using errcode = '22023';
    end if;
    if target_id = source_id then
      raise exception 'Choose another pipeline to move the leads to' using errcode = '22023';
    end if;
    select s.name into unmapped
    from public.pipeline_statuses s
    where s.pipeline_id = source_id
      and not (status_map ? s.id::text)
      and exists (select 1 from public.leads l where l.pipeline_id = source_id and l.status_id = s.id)
    order by s.display_order
    limit 1;
    if unmapped is not null then
      raise exception 'Choose where the leads in "%" go', unmapped using errcode = '22023';
    end if;
    update public.leads l set
      pipeline_id = target_id,
      status_id = private.sync_uuid(status_map, l.status_id::text)
    where l.pipeline_id = source_id;
  end if;
  delete from public.pipelines x where x.id = source_id;
end;
$$;

-- Statuses ------------------------------------------------------------------------------------

create function sync_mutations.create_pipeline_status(args jsonb) returns void
  language plpgsql
  security invoker
  set search_path = ''
as $$
declare
  v_pipeline_id uuid;
begin
  perform private.sync_require_manager();
  perform private.sync_check_keys(args, array[
    'id', 'pipeline_id', 'name', 'description', 'is_final', 'color_hex', 'icon_name',
    'ai_action_template', 'display_order']);
  v_pipeline_id := private.sync_uuid(args, 'pipeline_id');
  insert into public.pipeline_statuses (
    id, pipeline_id, name, description, is_final, display_order, color_hex, icon_name, ai_action_template)
  values (
    private.sync_uuid(args, 'id'),
    v_pipeline_id,
    pg_catalog.btrim(private.sync_string(args, 'name')),
    private.sync_opt_text(args, 'description'),
    coalesce(private.sync_opt_boolean(args, 'is_final'), false),
    coalesce(
      private.sync_opt_number(args, 'display_order')::int,
      (select coalesce(max(s.display_order), 0) + 1
       from public.pipeline_statuses s where s.pipeline_id = v_pipeline_id)),
    case when coalesce(pg_catalog.jsonb_typeof(args -> 'color_hex'), 'null') <> 'null'
         then private.sync_string(args, 'color_hex') end,
    private.sync_opt_text(args, 'icon_name'),
    private.sync_opt_text(args, 'ai_action_template'));
end;
$$;

create function sync_mutations.update_pipeline_status(args jsonb) returns void
  language plpgsql
  security invoker
  set search_path = ''
as $$
declare
  p jsonb;
  target uuid;
begin
  perform private.sync_require_manager();
  p := private.sync_patch(args, array[
    'name', 'description', 'is_final', 'color_hex', 'icon_name', 'ai_action_template']);
  target := private.sync_uuid(args, 'id');
  if p ? 'is_final' and private.sync_opt_boolean(p, 'is_final') is null then
    raise exception 'Argument "is_final" must be true or false' using errcode = '22023';
  end if;
  update public.pipeline_statuses s set
    name = case when p ? 'name' then pg_catalog.btrim(private.sync_string(p, 'name')) else s.name end,
    description = case when p ? 'description' then private.sync_opt_text(p, 'description') else s.description end,
    is_final = case when p ? 'is_final' then private.sync_opt_boolean(p, 'is_final') else s.is_final end,
    color_hex = case when p ? 'color_hex' then
                  case when pg_catalog.jsonb_typeof(p -> 'color_hex') = 'null' then null
                       else private.sync_string(p, 'color_hex') end
                else s.color_hex end,
    icon_name = case when p ? 'icon_name' then private.sync_opt_text(p, 'icon_name') else s.icon_name end,
    ai_action_template = case when p ? 'ai_action_template' then private.sync_opt_text(p, 'ai_action_template')
                              else s.ai_action_template end
  where s.id = target;
  if not found then
    perform private.sync_not_found('Status', target);
  end if;
end;
$$;

create function sync_mutations.reorder_pipeline_statuses(args jsonb) returns void
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

create function sync_mutations.delete_pipeline_status(args jsonb) returns void
  language plpgsql
  security invoker
  set search_path = ''
as $$
declare
  target uuid;
  v_pipeline_id uuid;
  move_to uuid;
begin
  perform private.sync_require_manager();
  perform private.sync_check_keys(args, array['id', 'move_leads_to_status_id']);
  target := private.sync_uuid(args, 'id');
  select s.pipeline_id into v_pipeline_id from public.pipeline_statuses s where s.id = target;
  if not found then
    perform private.sync_not_found('Status', target);
  end if;
  move_to := private.sync_opt_uuid(args, 'move_leads_to_status_id');
  if move_to is not null then
    if move_to = target
       or not exists (select 1 from public.pipeline_statuses s
                      where s.id = move_to and s.pipeline_id = v_pipeline_id) then
      raise exception 'Choose another status of the same pipeline for its leads' using errcode = '22023';
    end if;
    update public.leads l set status_id = move_to
    where l.pipeline_id = v_pipeline_id and l.status_id = target;
  end if;
  delete from public.pipeline_statuses s where s.id = target;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- The two RPCs.
-- ---------------------------------------------------------------------------------------------

-- Applies a client's queued mutations in order, each exactly once.
--   mutations: [{ mutation_id, name, args }], ascending mutation_id.
--   returns { results: [{ mutation_id, status: 'applied' | 'rejected', code, message }] }.
-- A mutation already in the ledger (a retry after a lost response) returns its stored result and
-- does nothing. A new one runs in its own subtransaction; if it fails (validation, RLS, a target
-- deleted meanwhile, a duplicate) its effect is undone, the refusal is recorded with its SQLSTATE,
-- and the next mutation still runs. Errors that say "try again later" (serialization, deadlock,
-- lock timeout, shutdown, out of resources) fail the whole call instead, so nothing is refused
-- for a reason that is not the mutation's fault; the client retries the batch.
create function public.sync_push(client_id uuid, mutations jsonb) returns jsonb
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
  known constant text[] := array[
    'create_lead', 'update_lead', 'move_lead', 'delete_lead',
    'create_pipeline', 'update_pipeline', 'reorder_pipelines', 'set_default_pipeline', 'delete_pipeline',
    'create_pipeline_status', 'update_pipeline_status', 'reorder_pipeline_statuses', 'delete_pipeline_status'];
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
      if not (mname = any (known)) then
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

-- One page of changes the caller may see, in commit order.
--   since:     the cursor from the previous pull's next_cursor (null: from the beginning).
--   page:      null for the first page of a pull, else the `page` the previous page returned.
--   returns {
--     rows: { <table>: [row, …] },         rows written since the cursor that the caller can see
--     tombstones: [{ table, id }],          rows deleted or no longer visible to the caller
--     mutations: [{ mutation_id, status, code, message }]   this client's ledger rows since the
--                                           cursor (last page only): their effects are included
--     has_more, page,                       keep calling with `page` while has_more
--     next_cursor,                          when has_more is false: the `since` for next time
--     progress: { done, total },            rows so far / rows to send
--     reset                                 true: the caller's role changed; drop everything
--   }                                       and pull again with since = null
-- STABLE: every statement sees one snapshot, the same one the next cursor is taken from.
create function public.sync_pull(
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
  -- Rows above `hi` (committed while an older transaction is still open) are sent now AND again
  -- next time (the next cursor is hi); duplicates are harmless, a confirmed mutation whose row
  -- is missing from its pull would not be.
  for t in after_table..pg_catalog.array_length(tables, 1) loop
    exit when remaining = 0;
    execute pg_catalog.format(
      'select coalesce(pg_catalog.jsonb_agg(r.j order by r.id), ''[]''::jsonb), count(*)
         from (select x.id, pg_catalog.to_jsonb(x) - $5 as j
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

-- ---------------------------------------------------------------------------------------------
-- Grants. Postgres grants EXECUTE to PUBLIC on every new function, and hosted Supabase also
-- grants it to anon by default: only signed-in users may sync.
-- ---------------------------------------------------------------------------------------------

revoke all on function public.sync_push(uuid, jsonb) from public, anon;
revoke all on function public.sync_pull(uuid, text, jsonb, int) from public, anon;
grant execute on function public.sync_push(uuid, jsonb) to authenticated, service_role;
grant execute on function public.sync_pull(uuid, text, jsonb, int) to authenticated, service_role;

do $$
declare
  f record;
begin
  for f in
    select p.oid::regprocedure as sig
    from pg_catalog.pg_proc p
    join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'sync_mutations'
       or (n.nspname = 'private' and p.proname in (
             'sync_check_keys', 'sync_string', 'sync_opt_text', 'sync_uuid', 'sync_opt_uuid',
             'sync_opt_number', 'sync_opt_boolean', 'sync_patch', 'sync_id_list',
             'sync_require_manager', 'sync_not_found'))
  loop
    execute pg_catalog.format('revoke all on function %s from public', f.sig);
    execute pg_catalog.format('grant execute on function %s to authenticated, service_role', f.sig);
  end loop;
end
$$;

-- On hosted Supabase, Realtime's publication tells subscribed clients that something changed
-- (they then pull; Realtime's own row payloads are not used). Absent elsewhere: nothing to do.
do $$
declare
  t text;
begin
  if exists (select 1 from pg_catalog.pg_publication where pubname = 'supabase_realtime') then
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
