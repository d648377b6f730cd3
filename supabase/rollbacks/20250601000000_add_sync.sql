-- Rolls back 20250601000000_add_sync: the sync RPCs, mutation functions, ledger, change feed,
-- tombstones and lead positions. Replicated data itself (leads, pipelines …) is untouched; card
-- order and status_changed_at are lost (they did not exist before). Clients must re-sync after a
-- re-apply: their cursors refer to columns that were dropped.

update public.schema_versions
set is_active = false, rolled_back_at = now()
where version = '20250601000000_add_sync';

-- Tables this migration put in Supabase Realtime's publication (hosted Supabase only).
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
  end if;
end
$$;

drop function if exists public.sync_pull(uuid, text, jsonb, int);
drop function if exists public.sync_push(uuid, jsonb);

drop function if exists sync_mutations.create_lead(jsonb);
drop function if exists sync_mutations.update_lead(jsonb);
drop function if exists sync_mutations.move_lead(jsonb);
drop function if exists sync_mutations.delete_lead(jsonb);
drop function if exists sync_mutations.create_pipeline(jsonb);
drop function if exists sync_mutations.update_pipeline(jsonb);
drop function if exists sync_mutations.reorder_pipelines(jsonb);
drop function if exists sync_mutations.set_default_pipeline(jsonb);
drop function if exists sync_mutations.delete_pipeline(jsonb);
drop function if exists sync_mutations.create_pipeline_status(jsonb);
drop function if exists sync_mutations.update_pipeline_status(jsonb);
drop function if exists sync_mutations.reorder_pipeline_statuses(jsonb);
drop function if exists sync_mutations.delete_pipeline_status(jsonb);
drop schema if exists sync_mutations;

drop function if exists private.sync_not_found(text, uuid);
drop function if exists private.sync_require_manager();
drop function if exists private.sync_id_list(jsonb, text);
drop function if exists private.sync_patch(jsonb, text[]);
drop function if exists private.sync_opt_boolean(jsonb, text);
drop function if exists private.sync_opt_number(jsonb, text);
drop function if exists private.sync_opt_uuid(jsonb, text);
drop function if exists private.sync_uuid(jsonb, text);
drop function if exists private.sync_opt_text(jsonb, text);
drop function if exists private.sync_string(jsonb, text);
drop function if exists private.sync_check_keys(jsonb, text[]);

drop table if exists private.sync_client_mutations;
drop function if exists private.claim_sync_client(uuid);
drop function if exists private.owns_sync_client(uuid);
drop table if exists private.sync_clients;

drop trigger if exists profiles_record_role_change on public.profiles;
drop function if exists private.record_role_change();
drop table if exists private.sync_user_resets;

drop trigger if exists leads_record_visibility_change on public.leads;
drop function if exists private.record_lead_visibility_change();

drop trigger if exists profiles_record_tombstone on public.profiles;
drop trigger if exists pipelines_record_tombstone on public.pipelines;
drop trigger if exists pipeline_statuses_record_tombstone on public.pipeline_statuses;
drop trigger if exists leads_record_tombstone on public.leads;
drop trigger if exists lead_status_history_record_tombstone on public.lead_status_history;
drop function if exists private.record_tombstone();
drop table if exists private.sync_tombstones;

drop trigger if exists profiles_stamp_txid on public.profiles;
drop trigger if exists pipelines_stamp_txid on public.pipelines;
drop trigger if exists pipeline_statuses_stamp_txid on public.pipeline_statuses;
drop trigger if exists leads_stamp_txid on public.leads;
drop trigger if exists lead_status_history_stamp_txid on public.lead_status_history;
drop function if exists private.stamp_txid();

-- Dropping the columns drops their indexes (idx_*_txid) with them.
alter table public.profiles drop column if exists _txid;
alter table public.pipelines drop column if exists _txid;
alter table public.pipeline_statuses drop column if exists _txid;
alter table public.leads drop column if exists _txid;
alter table public.lead_status_history drop column if exists _txid;

drop trigger if exists leads_fill_position on public.leads;
drop function if exists private.fill_lead_position();
drop index if exists public.idx_leads_column_position;
alter table public.leads drop constraint if exists leads_position_format;
alter table public.leads drop column if exists position;
alter table public.leads drop column if exists status_changed_at;
drop function if exists private.fractional_key_after(text);
