-- Rolls back 20250502000000_enable_row_level_security: policies, RLS and the grants it made.
-- On hosted Supabase the default privileges granted anon/authenticated on these tables before;
-- those are not restored: tables without RLS must not be reachable by anon.

update public.schema_versions
set is_active = false, rolled_back_at = now()
where version = '20250502000000_enable_row_level_security';

drop trigger if exists leads_check_references_visible on public.leads;
drop function if exists private.check_lead_references_visible();

drop policy if exists "Managers read schema versions" on public.schema_versions;
drop policy if exists "Users read the history of leads they can see" on public.lead_status_history;
drop policy if exists "Managers delete legacy lead statuses" on public.lead_statuses;
drop policy if exists "Managers update legacy lead statuses" on public.lead_statuses;
drop policy if exists "Managers create legacy lead statuses" on public.lead_statuses;
drop policy if exists "Signed-in users can read legacy lead statuses" on public.lead_statuses;
drop policy if exists "Managers delete pipeline statuses" on public.pipeline_statuses;
drop policy if exists "Managers update pipeline statuses" on public.pipeline_statuses;
drop policy if exists "Managers create pipeline statuses" on public.pipeline_statuses;
drop policy if exists "Signed-in users can read pipeline statuses" on public.pipeline_statuses;
drop policy if exists "Managers delete pipelines" on public.pipelines;
drop policy if exists "Managers update pipelines" on public.pipelines;
drop policy if exists "Managers create pipelines" on public.pipelines;
drop policy if exists "Signed-in users can read pipelines" on public.pipelines;
drop policy if exists "Managers delete leads" on public.leads;
drop policy if exists "Agents edit their leads and the pool; managers edit all" on public.leads;
drop policy if exists "Agents create own or pool leads; managers create any" on public.leads;
drop policy if exists "Agents read their leads and the pool; managers read all" on public.leads;
drop policy if exists "Users can update their own profile" on public.profiles;
drop policy if exists "Signed-in users can read profiles" on public.profiles;

alter table public.profiles disable row level security;
alter table public.lead_statuses disable row level security;
alter table public.leads disable row level security;
alter table public.pipelines disable row level security;
alter table public.pipeline_statuses disable row level security;
alter table public.lead_status_history disable row level security;
alter table public.schema_versions disable row level security;

revoke all on table
  public.profiles, public.lead_statuses, public.leads, public.pipelines,
  public.pipeline_statuses, public.lead_status_history, public.schema_versions
from authenticated, service_role;

drop function if exists private.is_manager();
