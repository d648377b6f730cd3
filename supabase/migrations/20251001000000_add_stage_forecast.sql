-- Forecast and WIP limits per stage, and a lead's lost reason (issue 15, part 1):
--   * pipeline_statuses gains an outcome (open, won, lost), a win probability (0–100; won = 100,
--     lost = 0) and an optional WIP limit. Existing final statuses get won/lost from their names
--     only where the name says so plainly ("Won", "Closed won", "Lost", "Closed - lost", a few
--     translations); everything else stays open, so nothing is ever counted as won by guess. The
--     runbook lists the query that finds final statuses left open for a manager to decide.
--   * leads gains lost_reason (optional, one line, at most 500 characters, the same text rules as
--     names), set by move_lead when a lead moves into a lost status; the history row of that move
--     keeps it, so the reason stays in the lead's history after it moves on.
--   * One new mutation, update_pipeline_status_forecast (its TypeScript twin:
--     src/sync/mutations/update-pipeline-status-forecast.ts); move_lead accepts lost_reason.
-- No BEGIN/COMMIT: the runner wraps the file in one transaction with its history row.

insert into public.schema_versions (version, description)
values ('20251001000000_add_stage_forecast',
        'Stage outcome, win probability and WIP limit; lead lost reason kept in history')
on conflict (version) do update
  set is_active = true, rolled_back_at = null, applied_at = now(), description = excluded.description;

-- ---------------------------------------------------------------------------------------------
-- Stages: outcome, probability, WIP limit.
-- ---------------------------------------------------------------------------------------------

alter table public.pipeline_statuses
  add column outcome text not null default 'open',
  add column win_probability smallint not null default 0,
  add column wip_limit integer;

-- A name "says" won or lost when, compared the way status names are (NFKC, invisible characters
-- removed, case-insensitive), with dashes, underscores, colons and dots read as spaces, it is
-- exactly one of these. Exact matches only: "Won't buy" and "Lost contact" stay open.
update public.pipeline_statuses s
set outcome = m.outcome,
    win_probability = case m.outcome when 'won' then 100 else 0 end
from (
  select x.id,
         case
           when x.k in ('won', 'closed won', 'deal won', 'win', 'gewonnen', 'gagné', 'gagne',
                        'ganado', 'ganada', 'vinto', 'ganho', 'wygrana') then 'won'
           when x.k in ('lost', 'closed lost', 'deal lost', 'loss', 'verloren', 'perdu', 'perdue',
                        'perdido', 'perdida', 'perso', 'persa', 'przegrana') then 'lost'
         end as outcome
  from (
    select id,
           pg_catalog.btrim(pg_catalog.regexp_replace(
             private.status_name_key(name), '[\s\-_:.–—/]+', ' ', 'g')) as k
    from public.pipeline_statuses
    where is_final
  ) x
) m
where m.id = s.id and m.outcome is not null;

alter table public.pipeline_statuses
  add constraint pipeline_statuses_outcome_known check (outcome in ('open', 'won', 'lost')),
  add constraint pipeline_statuses_win_probability_range check (win_probability between 0 and 100),
  add constraint pipeline_statuses_win_probability_matches_outcome check (
    (outcome <> 'won' or win_probability = 100) and (outcome <> 'lost' or win_probability = 0)),
  add constraint pipeline_statuses_wip_limit_positive check (
    wip_limit is null or wip_limit between 1 and 100000);

-- ---------------------------------------------------------------------------------------------
-- Leads: lost reason, and the history row of the move that set it.
-- ---------------------------------------------------------------------------------------------

alter table public.leads
  add column lost_reason text
    constraint leads_lost_reason_valid check (
      lost_reason is null or (char_length(lost_reason) <= 500 and private.is_valid_name(lost_reason)));

alter table public.lead_status_history add column lost_reason text;

-- History rows are written by private.record_lead_status_change (after the lead row changed), so
-- the lead already holds the reason its move set. Kept only for moves into a lost status.
create function private.fill_history_lost_reason() returns trigger
  language plpgsql
  set search_path = ''
as $$
begin
  if exists (select 1 from public.pipeline_statuses s where s.id = new.to_status_id and s.outcome = 'lost') then
    new.lost_reason := (select l.lost_reason from public.leads l where l.id = new.lead_id);
  end if;
  return new;
end;
$$;

create trigger lead_status_history_fill_lost_reason
  before insert on public.lead_status_history
  for each row execute function private.fill_history_lost_reason();

-- ---------------------------------------------------------------------------------------------
-- Mutations.
-- ---------------------------------------------------------------------------------------------

-- A move is one unit: pipeline, status, position (and the lost reason) together; an undo may
-- carry restore_status_changed_at (20250901000000). A move to
-- another status sets the reason it carries (none: cleared); reordering within a column keeps the
-- reason unless the move names one. A reason is refused unless the target status is lost.
create or replace function sync_mutations.move_lead(args jsonb) returns void
  language plpgsql
  security invoker
  set search_path = ''
as $$
declare
  lead_id uuid;
  v_status uuid;
  v_reason text;
  restore_since timestamp with time zone;
begin
  perform private.sync_check_keys(args, array['id', 'pipeline_id', 'status_id', 'position', 'lost_reason', 'restore_status_changed_at']);
  lead_id := private.sync_uuid(args, 'id');
  v_status := private.sync_uuid(args, 'status_id');
  v_reason := private.sync_opt_text(args, 'lost_reason');
  restore_since := private.sync_opt_timestamptz(args, 'restore_status_changed_at');
  if v_reason is not null and not exists (
    select 1 from public.pipeline_statuses s where s.id = v_status and s.outcome = 'lost'
  ) then
    raise exception 'A lost reason is only kept for a lead moved to a lost status' using errcode = '22023';
  end if;
  update public.leads l set
    pipeline_id = private.sync_uuid(args, 'pipeline_id'),
    status_id = v_status,
    position = private.sync_string(args, 'position'),
    lost_reason = case
      when args ? 'lost_reason' or l.status_id is distinct from v_status then v_reason
      else l.lost_reason end
  where l.id = lead_id;
  if not found then
    perform private.sync_not_found('Lead', lead_id);
  end if;
  -- An undo: see 20250901000000_restore_status_time_on_undo (kept only when history agrees).
  if restore_since is not null then
    perform private.restore_status_changed_at(lead_id, restore_since);
  end if;
end;
$$;

-- Field-level edit of a stage's forecast settings (managers). Making a stage won or lost sets
-- its probability to 100 or 0 unless the patch names one (a contradicting one is refused by the
-- table's check).
create function sync_mutations.update_pipeline_status_forecast(args jsonb) returns void
  language plpgsql
  security invoker
  set search_path = ''
as $$
declare
  p jsonb;
  target uuid;
  v_outcome text;
  v_probability numeric;
  v_limit numeric;
begin
  perform private.sync_require_manager();
  p := private.sync_patch(args, array['outcome', 'win_probability', 'wip_limit']);
  target := private.sync_uuid(args, 'id');
  if p ? 'outcome' then
    v_outcome := private.sync_string(p, 'outcome');
    if v_outcome not in ('open', 'won', 'lost') then
      raise exception 'Outcome must be open, won or lost' using errcode = '22023';
    end if;
  end if;
  if p ? 'win_probability' then
    v_probability := private.sync_opt_number(p, 'win_probability');
    if v_probability is null or v_probability <> pg_catalog.trunc(v_probability)
       or v_probability not between 0 and 100 then
      raise exception 'Win probability must be a whole number from 0 to 100' using errcode = '22023';
    end if;
  end if;
  if p ? 'wip_limit' then
    v_limit := private.sync_opt_number(p, 'wip_limit');
    if v_limit is not null and (v_limit <> pg_catalog.trunc(v_limit) or v_limit not between 1 and 100000) then
      raise exception 'WIP limit must be a whole number from 1 to 100000, or none' using errcode = '22023';
    end if;
  end if;
  update public.pipeline_statuses s set
    outcome = coalesce(v_outcome, s.outcome),
    win_probability = case
      when p ? 'win_probability' then v_probability::smallint
      when v_outcome = 'won' then 100
      when v_outcome = 'lost' then 0
      else s.win_probability end,
    wip_limit = case when p ? 'wip_limit' then v_limit::int else s.wip_limit end
  where s.id = target;
  if not found then
    perform private.sync_not_found('Status', target);
  end if;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Revoke, then grant. The new columns are written only through the mutations above, which run as
-- the caller, so the caller needs UPDATE on exactly these columns (RLS decides the rows).
-- ---------------------------------------------------------------------------------------------

revoke all on function sync_mutations.update_pipeline_status_forecast(jsonb) from public, anon, authenticated;
grant execute on function sync_mutations.update_pipeline_status_forecast(jsonb) to authenticated, service_role;
-- A trigger fires whoever writes; nobody needs to call it.
revoke all on function private.fill_history_lost_reason() from public, anon, authenticated;

grant update (outcome, win_probability, wip_limit) on table public.pipeline_statuses to authenticated;
grant update (lost_reason) on table public.leads to authenticated;
