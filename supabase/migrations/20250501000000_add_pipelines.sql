-- Pipeline management: pipelines, their statuses, and every lead placed in a pipeline and a status
-- of that pipeline. Follows ../shared/spec/pipeline-migration-process.md step by step, corrected
-- where the spec is fragile (each difference is explained where it happens and in
-- docs/migration-runbook.md):
--   * ids are uuid, not SERIAL: clients create pipelines and statuses offline without collisions;
--   * no hard-coded pipeline id 1: the default pipeline's id is read back from the insert;
--   * every lead also gets its matching status *in its pipeline* (leads.status_id), and a
--     composite foreign key guarantees that status belongs to the lead's pipeline;
--   * exactly one default pipeline, color_hex is #RRGGBB, status names are unique per pipeline
--     case-insensitively, deleting a pipeline or status that still has leads is refused clearly;
--   * re-applying after a rollback works: the schema_versions row is upserted (version is UNIQUE).
-- No BEGIN/COMMIT: the runner wraps the file in one transaction with its history row.

insert into public.schema_versions (version, description)
values ('20250501000000_add_pipelines', 'Add pipeline management functionality')
on conflict (version) do update
  set is_active = true, rolled_back_at = null, applied_at = now(), description = excluded.description;

create table public.pipelines (
  id uuid primary key default gen_random_uuid(),
  name text not null
    constraint pipelines_name_length check (name = btrim(name) and char_length(name) between 1 and 120),
  description text
    constraint pipelines_description_length check (description is null or char_length(description) <= 2000),
  is_default boolean not null default false,
  display_order int not null default 0,
  created_at timestamp with time zone not null default now(),
  updated_at timestamp with time zone not null default now()
);

-- At most one default, even under concurrent writers (the deferred trigger below adds "at least").
create unique index pipelines_single_default_key on public.pipelines (is_default) where is_default;

create table public.pipeline_statuses (
  id uuid primary key default gen_random_uuid(),
  pipeline_id uuid not null references public.pipelines (id) on delete cascade,
  name text not null
    constraint pipeline_statuses_name_length check (name = btrim(name) and char_length(name) between 1 and 80),
  description text
    constraint pipeline_statuses_description_length check (description is null or char_length(description) <= 2000),
  is_final boolean not null default false,
  display_order int not null,
  color_hex text
    constraint pipeline_statuses_color_hex_format check (color_hex is null or color_hex ~ '^#[0-9A-Fa-f]{6}$'),
  icon_name text
    constraint pipeline_statuses_icon_name_length check (icon_name is null or char_length(icon_name) between 1 and 64),
  ai_action_template text
    constraint pipeline_statuses_ai_action_template_length check (ai_action_template is null or char_length(ai_action_template) <= 1000),
  -- The lead_statuses.value this row was copied from (NULL for statuses made later). The rollback
  -- uses it to give moved leads back their exact legacy value, whatever the status is called now.
  legacy_value text,
  created_at timestamp with time zone not null default now(),
  updated_at timestamp with time zone not null default now(),
  -- The spec's rule: unique status names within a pipeline.
  constraint pipeline_statuses_pipeline_id_name_key unique (pipeline_id, name),
  -- Target of leads' composite foreign key (a lead's status must be in the lead's pipeline).
  constraint pipeline_statuses_pipeline_id_id_key unique (pipeline_id, id)
);

-- "Won" and "won" in one pipeline would show as two identical columns: refuse them too.
create unique index pipeline_statuses_pipeline_id_lower_name_key
  on public.pipeline_statuses (pipeline_id, lower(name));

alter table public.leads add column pipeline_id uuid references public.pipelines (id);
alter table public.leads add column status_id uuid;

-- The default pipeline. Its id is whatever the database gives it; nothing below assumes 1.
insert into public.pipelines (name, description, is_default, display_order)
values ('Default Sales Pipeline', 'Standard sales pipeline for insurance leads', true, 1);

-- Copy lead_statuses into the default pipeline. Legacy values that the new constraints would
-- refuse are cleaned, never dropped: names are trimmed (blank → 'Unnamed status'), names equal
-- case-insensitively get a ' (2)' suffix, #RGB colors are expanded and unusable colors cleared.
insert into public.pipeline_statuses (
  pipeline_id, name, description, is_final, display_order, color_hex, icon_name,
  ai_action_template, legacy_value
)
select
  p.id,
  case when c.dup_rank = 1 then c.clean_name else left(c.clean_name, 72) || ' (' || c.dup_rank || ')' end,
  c.description,
  c.is_final,
  c.display_order,
  case
    when c.color_hex ~ '^#[0-9A-Fa-f]{6}$' then upper(c.color_hex)
    when c.color_hex ~ '^#[0-9A-Fa-f]{3}$' then upper(
      '#' || repeat(substr(c.color_hex, 2, 1), 2) || repeat(substr(c.color_hex, 3, 1), 2)
          || repeat(substr(c.color_hex, 4, 1), 2))
    else null
  end,
  nullif(left(btrim(c.icon_name), 64), ''),
  left(c.ai_action_template, 1000),
  c.value
from public.pipelines p
cross join lateral (
  select ls.*, row_number() over (partition by lower(cleaned.clean_name) order by ls.display_order, ls.value) as dup_rank,
         cleaned.clean_name
  from public.lead_statuses ls
  cross join lateral (
    select left(coalesce(nullif(btrim(ls.value), ''), 'Unnamed status'), 80) as clean_name
  ) cleaned
) c
where p.is_default;

-- Leads without a status (allowed before) need one now. If the legacy list was empty, the
-- default pipeline gets a 'New' status so those leads have a column to live in.
insert into public.pipeline_statuses (pipeline_id, name, description, is_final, display_order)
select p.id, 'New', 'Created by the pipeline migration for leads that had no status', false, 1
from public.pipelines p
where p.is_default
  and not exists (select 1 from public.pipeline_statuses)
  and exists (select 1 from public.leads);

-- Every lead: the default pipeline, and the status copied from its legacy value; a lead with no
-- status gets the first open (non-final) status, or the first status if all are final.
-- Placing leads is the migration's doing, not an edit: keep each lead's updated_at as it was
-- (sync and "recently changed" views read it), so the touch trigger is off for this one update.
alter table public.leads disable trigger leads_touch_updated_at;

update public.leads l
set pipeline_id = d.pipeline_id,
    status_id = coalesce(
      (select s.id from public.pipeline_statuses s
       where s.pipeline_id = d.pipeline_id and s.legacy_value = l.status),
      d.fallback_status_id)
from (
  select p.id as pipeline_id,
         (select s.id from public.pipeline_statuses s
          where s.pipeline_id = p.id
          order by s.is_final, s.display_order, s.name
          limit 1) as fallback_status_id
  from public.pipelines p
  where p.is_default
) d;

alter table public.leads enable trigger leads_touch_updated_at;

alter table public.leads alter column pipeline_id set not null;
alter table public.leads alter column status_id set not null;
alter table public.leads
  add constraint leads_pipeline_status_fkey
  foreign key (pipeline_id, status_id) references public.pipeline_statuses (pipeline_id, id);

-- The spec's indexes, plus one under the composite foreign key (column queries use it too).
create index idx_leads_pipeline_id on public.leads (pipeline_id);
create index idx_pipeline_statuses_pipeline_id on public.pipeline_statuses (pipeline_id);
create index idx_leads_pipeline_id_status_id on public.leads (pipeline_id, status_id);

create trigger pipelines_touch_updated_at
  before update on public.pipelines
  for each row execute function private.touch_updated_at();
create trigger pipeline_statuses_touch_updated_at
  before update on public.pipeline_statuses
  for each row execute function private.touch_updated_at();

-- Exactly one default pipeline whenever any pipeline exists. Deferred to commit so "make B the
-- default" can clear A and set B in one transaction. SECURITY DEFINER: it must count every
-- pipeline, not only those the caller's RLS policies show.
create function private.check_single_default_pipeline() returns trigger
  language plpgsql
  security definer
  set search_path = ''
as $$
declare
  default_count int;
begin
  select count(*) filter (where is_default) into default_count from public.pipelines;
  if default_count <> 1 and exists (select 1 from public.pipelines) then
    raise exception 'Exactly one pipeline must be the default (found %)', default_count
      using errcode = '23514',
            hint = 'Make another pipeline the default instead of clearing the flag.';
  end if;
  return null;
end;
$$;

create constraint trigger pipelines_single_default
  after insert or update of is_default or delete on public.pipelines
  deferrable initially deferred
  for each row execute function private.check_single_default_pipeline();

-- Deleting a pipeline that still holds leads, or the default pipeline, is refused with a message
-- a person can act on (the bare foreign-key error names constraints, not what to do).
create function private.guard_pipeline_delete() returns trigger
  language plpgsql
  security definer
  set search_path = ''
as $$
declare
  lead_count bigint;
begin
  select count(*) into lead_count from public.leads where pipeline_id = old.id;
  if lead_count > 0 then
    raise exception 'Pipeline "%" still has % lead(s) and cannot be deleted', old.name, lead_count
      using errcode = '23503',
            detail = format('pipeline_id=%s lead_count=%s', old.id, lead_count),
            hint = 'Move its leads to another pipeline first, then delete it.';
  end if;
  if old.is_default then
    raise exception 'Pipeline "%" is the default pipeline and cannot be deleted', old.name
      using errcode = '23514',
            hint = 'Make another pipeline the default first.';
  end if;
  return old;
end;
$$;

create trigger pipelines_guard_delete
  before delete on public.pipelines
  for each row execute function private.guard_pipeline_delete();

create function private.guard_pipeline_status_delete() returns trigger
  language plpgsql
  security definer
  set search_path = ''
as $$
declare
  lead_count bigint;
begin
  select count(*) into lead_count
  from public.leads
  where pipeline_id = old.pipeline_id and status_id = old.id;
  if lead_count > 0 then
    raise exception 'Status "%" still has % lead(s) and cannot be deleted', old.name, lead_count
      using errcode = '23503',
            detail = format('status_id=%s lead_count=%s', old.id, lead_count),
            hint = 'Choose another status of the pipeline and move its leads there first.';
  end if;
  return old;
end;
$$;

create trigger pipeline_statuses_guard_delete
  before delete on public.pipeline_statuses
  for each row execute function private.guard_pipeline_status_delete();

-- Every accepted status change (and a lead's first status) is recorded, server-side, with names
-- as they were at the time so the record survives renames and deletions.
create table public.lead_status_history (
  id uuid primary key default gen_random_uuid(),
  lead_id uuid not null references public.leads (id) on delete cascade,
  from_status_id uuid references public.pipeline_statuses (id) on delete set null,
  to_status_id uuid references public.pipeline_statuses (id) on delete set null,
  from_status_name text,
  to_status_name text not null,
  changed_by uuid references public.profiles (id) on delete set null,
  changed_at timestamp with time zone not null default now()
);

create index idx_lead_status_history_lead_id on public.lead_status_history (lead_id, changed_at);
create index idx_lead_status_history_from_status_id on public.lead_status_history (from_status_id);
create index idx_lead_status_history_to_status_id on public.lead_status_history (to_status_id);
create index idx_lead_status_history_changed_by on public.lead_status_history (changed_by);

-- SECURITY DEFINER: agents append history through their lead writes but may not write it directly.
create function private.record_lead_status_change() returns trigger
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

create trigger leads_record_status_change
  after insert or update of status_id on public.leads
  for each row execute function private.record_lead_status_change();
