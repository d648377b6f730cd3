-- The CRM as it stood before the pipeline feature: profiles, the legacy status list, leads,
-- and the spec's schema_versions table (exactly as the spec writes it).
-- No BEGIN/COMMIT here: the migration runner (and `supabase db push`) wraps each file in one
-- transaction together with its history row.

-- Helpers that must not be callable over the API live in a schema PostgREST does not expose.
create schema if not exists private;
grant usage on schema private to authenticated, service_role;

create table if not exists public.schema_versions (
  id serial primary key,
  version text not null unique,
  applied_at timestamp with time zone default now(),
  description text,
  is_active boolean default true,
  rolled_back_at timestamp with time zone
);

insert into public.schema_versions (version, description)
values ('20250401000000_create_crm_base', 'CRM base: profiles, lead statuses, leads')
on conflict (version) do update
  set is_active = true, rolled_back_at = null, applied_at = now(), description = excluded.description;

create function private.touch_updated_at() returns trigger
  language plpgsql
  set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

-- One profile per auth user. Role decides what RLS lets them do.
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  full_name text not null
    constraint profiles_full_name_length check (char_length(btrim(full_name)) between 1 and 200),
  role text not null default 'agent'
    constraint profiles_role_check check (role in ('agent', 'manager')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create trigger profiles_touch_updated_at
  before update on public.profiles
  for each row execute function private.touch_updated_at();

-- New auth users get a profile from their sign-up metadata (Supabase's documented pattern).
-- SECURITY DEFINER because the inserting role (supabase_auth_admin) has no rights on public.
create function private.handle_new_user() returns trigger
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

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function private.handle_new_user();

-- The legacy, global list of lead statuses. The pipeline migration copies it into the default
-- pipeline; it stays as it was so a rollback has somewhere to return to.
create table public.lead_statuses (
  value text primary key,
  description text,
  is_final boolean not null default false,
  display_order int not null default 0,
  color_hex text,
  icon_name text,
  ai_action_template text
);

insert into public.lead_statuses
  (value, description, is_final, display_order, color_hex, icon_name, ai_action_template)
values
  ('New', 'Lead just came in and has not been contacted yet', false, 1, '#2563EB', 'inbox',
   'Call {{full_name}} within the hour to qualify their {{product}} needs'),
  ('Contacted', 'First conversation happened', false, 2, '#0891B2', 'phone',
   'Gather the details needed to quote {{full_name}} for {{product}} insurance'),
  ('Quote sent', 'A quote has been sent and awaits an answer', false, 3, '#7C3AED', 'file-text',
   'Follow up with {{full_name}} on the {{product}} quote of {{estimated_premium}}'),
  ('Negotiation', 'Discussing coverage, price or terms', false, 4, '#D97706', 'handshake',
   'Address {{full_name}}''s objections and agree on {{product}} coverage'),
  ('Won', 'Policy bound', true, 5, '#16A34A', 'trophy',
   'Send {{full_name}} a welcome pack and ask for a referral'),
  ('Lost', 'The lead chose not to buy', true, 6, '#DC2626', 'circle-x',
   'Log why {{full_name}} did not buy and schedule a check-in in six months');

create table public.leads (
  id uuid primary key default gen_random_uuid(),
  full_name text not null
    constraint leads_full_name_length check (char_length(btrim(full_name)) between 1 and 200),
  email text
    constraint leads_email_format check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text
    constraint leads_phone_format check (phone is null or phone ~ '^\+?[0-9 ().-]{5,32}$'),
  product text not null default 'auto'
    constraint leads_product_check check (product in ('auto', 'home', 'life', 'health', 'renters', 'business')),
  estimated_premium numeric(12, 2)
    constraint leads_estimated_premium_range check (estimated_premium is null or estimated_premium between 0 and 10000000),
  source text
    constraint leads_source_length check (source is null or char_length(source) <= 100),
  assigned_to uuid references public.profiles (id) on delete set null,
  status text references public.lead_statuses (value) on update cascade on delete set null,
  notes text
    constraint leads_notes_length check (notes is null or char_length(notes) <= 10000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index idx_leads_assigned_to on public.leads (assigned_to);
create index idx_leads_status on public.leads (status);

create trigger leads_touch_updated_at
  before update on public.leads
  for each row execute function private.touch_updated_at();
