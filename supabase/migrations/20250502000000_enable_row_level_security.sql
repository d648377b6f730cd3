-- Row-level security on every table, written the Supabase way: policies `to authenticated`,
-- `(select auth.uid())` so the planner evaluates it once per statement, `with check` on every
-- insert/update, and an index under every column a policy filters on.
--
-- Who may do what:
--   anon            nothing.
--   agent           reads profiles, pipelines, statuses; reads and edits the leads assigned to
--                   them and the unassigned pool (may take a pool lead or hand one back, never
--                   give a lead to someone else); reads the status history of those leads.
--   manager         reads and edits every lead; the only role that may change pipelines,
--                   statuses and the legacy status list, and delete leads.
-- Table grants decide the verbs a role may attempt; policies decide the rows.

insert into public.schema_versions (version, description)
values ('20250502000000_enable_row_level_security', 'Row-level security for every table')
on conflict (version) do update
  set is_active = true, rolled_back_at = null, applied_at = now(), description = excluded.description;

-- SECURITY DEFINER so policies can ask "is the caller a manager?" without recursing into the
-- profiles policies. Lives in `private`, which the API does not expose.
create function private.is_manager() returns boolean
  language sql
  stable
  security definer
  set search_path = ''
as $$
  select exists (
    select 1 from public.profiles
    where id = (select auth.uid()) and role = 'manager'
  );
$$;

revoke all on function private.is_manager() from public;
grant execute on function private.is_manager() to authenticated, service_role;

revoke all on table
  public.profiles, public.lead_statuses, public.leads, public.pipelines,
  public.pipeline_statuses, public.lead_status_history, public.schema_versions
from anon;

grant select on table
  public.profiles, public.lead_statuses, public.leads, public.pipelines,
  public.pipeline_statuses, public.lead_status_history, public.schema_versions
to authenticated;
grant insert, update, delete on table
  public.lead_statuses, public.leads, public.pipelines, public.pipeline_statuses
to authenticated;
-- A person may rename themselves; roles are changed by an administrator, not over the API.
grant update (full_name) on table public.profiles to authenticated;

grant all on table
  public.profiles, public.lead_statuses, public.leads, public.pipelines,
  public.pipeline_statuses, public.lead_status_history, public.schema_versions
to service_role;

alter table public.profiles enable row level security;
alter table public.lead_statuses enable row level security;
alter table public.leads enable row level security;
alter table public.pipelines enable row level security;
alter table public.pipeline_statuses enable row level security;
alter table public.lead_status_history enable row level security;
alter table public.schema_versions enable row level security;

-- profiles
create policy "Signed-in users can read profiles"
  on public.profiles for select to authenticated
  using (true);
create policy "Users can update their own profile"
  on public.profiles for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

-- leads: an agent's own leads and the unassigned pool; managers everything.
create policy "Agents read their leads and the pool; managers read all"
  on public.leads for select to authenticated
  using (
    assigned_to = (select auth.uid())
    or assigned_to is null
    or (select private.is_manager())
  );
create policy "Agents create own or pool leads; managers create any"
  on public.leads for insert to authenticated
  with check (
    assigned_to = (select auth.uid())
    or assigned_to is null
    or (select private.is_manager())
  );
create policy "Agents edit their leads and the pool; managers edit all"
  on public.leads for update to authenticated
  using (
    assigned_to = (select auth.uid())
    or assigned_to is null
    or (select private.is_manager())
  )
  with check (
    assigned_to = (select auth.uid())
    or assigned_to is null
    or (select private.is_manager())
  );
create policy "Managers delete leads"
  on public.leads for delete to authenticated
  using ((select private.is_manager()));

-- pipelines, pipeline_statuses, lead_statuses: everyone signed in reads; managers write.
create policy "Signed-in users can read pipelines"
  on public.pipelines for select to authenticated
  using (true);
create policy "Managers create pipelines"
  on public.pipelines for insert to authenticated
  with check ((select private.is_manager()));
create policy "Managers update pipelines"
  on public.pipelines for update to authenticated
  using ((select private.is_manager()))
  with check ((select private.is_manager()));
create policy "Managers delete pipelines"
  on public.pipelines for delete to authenticated
  using ((select private.is_manager()));

create policy "Signed-in users can read pipeline statuses"
  on public.pipeline_statuses for select to authenticated
  using (true);
create policy "Managers create pipeline statuses"
  on public.pipeline_statuses for insert to authenticated
  with check ((select private.is_manager()));
create policy "Managers update pipeline statuses"
  on public.pipeline_statuses for update to authenticated
  using ((select private.is_manager()))
  with check ((select private.is_manager()));
create policy "Managers delete pipeline statuses"
  on public.pipeline_statuses for delete to authenticated
  using ((select private.is_manager()));

create policy "Signed-in users can read legacy lead statuses"
  on public.lead_statuses for select to authenticated
  using (true);
create policy "Managers create legacy lead statuses"
  on public.lead_statuses for insert to authenticated
  with check ((select private.is_manager()));
create policy "Managers update legacy lead statuses"
  on public.lead_statuses for update to authenticated
  using ((select private.is_manager()))
  with check ((select private.is_manager()));
create policy "Managers delete legacy lead statuses"
  on public.lead_statuses for delete to authenticated
  using ((select private.is_manager()));

-- History follows the visibility of its lead (the subquery is filtered by the leads policies).
-- It is written only by a SECURITY DEFINER trigger, so there are no write policies.
create policy "Users read the history of leads they can see"
  on public.lead_status_history for select to authenticated
  using (exists (select 1 from public.leads l where l.id = lead_id));

create policy "Managers read schema versions"
  on public.schema_versions for select to authenticated
  using ((select private.is_manager()));

-- RLS does not guard foreign-key targets: a foreign key only proves a row exists, not that the
-- writer may see it. This check runs as the writer, so its lookups go through RLS: a lead can
-- only be pointed at a status, pipeline and assignee the writer can actually see.
create function private.check_lead_references_visible() returns trigger
  language plpgsql
  set search_path = ''
as $$
begin
  if not exists (
    select 1 from public.pipeline_statuses s
    join public.pipelines p on p.id = s.pipeline_id
    where s.id = new.status_id and s.pipeline_id = new.pipeline_id
  ) then
    raise exception 'Status % is not available in pipeline %', new.status_id, new.pipeline_id
      using errcode = '42501',
            hint = 'Pick one of the statuses of the lead''s pipeline.';
  end if;
  if new.assigned_to is not null
     and not exists (select 1 from public.profiles where id = new.assigned_to) then
    raise exception 'Assignee % is not a known user', new.assigned_to
      using errcode = '42501';
  end if;
  return new;
end;
$$;

create trigger leads_check_references_visible
  before insert or update of pipeline_id, status_id, assigned_to on public.leads
  for each row execute function private.check_lead_references_visible();
