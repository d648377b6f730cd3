-- Rolls back 20251001000000_add_stage_forecast: removes the stage outcome, win probability and
-- WIP limit, the lead's lost reason (also from history rows) and the forecast mutation; move_lead
-- goes back to its body from 20250901000000_restore_status_time_on_undo. Every lead, stage,
-- pipeline and history row stays, with every other value as it was.

update public.schema_versions
set is_active = false, rolled_back_at = now()
where version = '20251001000000_add_stage_forecast';

drop function if exists sync_mutations.update_pipeline_status_forecast(jsonb);

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

drop trigger if exists lead_status_history_fill_lost_reason on public.lead_status_history;
drop function if exists private.fill_history_lost_reason();

alter table public.lead_status_history drop column if exists lost_reason;
alter table public.leads drop column if exists lost_reason;

alter table public.pipeline_statuses
  drop constraint if exists pipeline_statuses_wip_limit_positive,
  drop constraint if exists pipeline_statuses_win_probability_matches_outcome,
  drop constraint if exists pipeline_statuses_win_probability_range,
  drop constraint if exists pipeline_statuses_outcome_known,
  drop column if exists wip_limit,
  drop column if exists win_probability,
  drop column if exists outcome;
