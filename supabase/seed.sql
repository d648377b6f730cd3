-- Demo data for local development (data only; loaded by the local backend on a new database and
-- by `supabase db reset` on a Supabase project). Deterministic: fixed ids, names, dates; no random().
-- Ids are built from md5() with the version/variant digits of a v4 uuid, so strict uuid checks
-- in the client accept them.

-- Three demo users, as Supabase Auth stores them, so `supabase db reset` on a Supabase stack gives
-- users who can sign in with email + password, and the local backend lists the same people.
-- Auth reads every token column as a string: they are '' (never NULL). The role comes from
-- raw_app_meta_data, which only the service role writes; the profile trigger copies it.
-- Demo password for all three (Supabase mode only; local sign-in needs none): leadlanes-demo
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  confirmation_token, recovery_token, email_change_token_new, email_change,
  email_change_token_current, phone_change, phone_change_token, reauthentication_token,
  raw_app_meta_data, raw_user_meta_data, is_super_admin, is_sso_user, is_anonymous,
  created_at, updated_at)
select
  '00000000-0000-0000-0000-000000000000', u.id::uuid, 'authenticated', 'authenticated', u.email,
  extensions.crypt('leadlanes-demo', extensions.gen_salt('bf')), u.created_at::timestamptz,
  '', '', '', '', '', '', '', '',
  jsonb_build_object('provider', 'email', 'providers', jsonb_build_array('email'), 'role', u.app_role),
  jsonb_build_object('full_name', u.full_name),
  false, false, false,
  u.created_at::timestamptz, u.created_at::timestamptz
from (values
  ('0a0a0a0a-0000-4000-8000-000000000001', 'ana.agent@leadlanes.test', 'Ana Alvarez', 'agent',
   '2025-01-06 09:00:00+00'),
  ('0b0b0b0b-0000-4000-8000-000000000002', 'ben.agent@leadlanes.test', 'Ben Okafor', 'agent',
   '2025-01-06 09:05:00+00'),
  ('0c0c0c0c-0000-4000-8000-000000000003', 'maya.manager@leadlanes.test', 'Maya Lindqvist', 'manager',
   '2025-01-06 09:10:00+00')
) as u (id, email, full_name, app_role, created_at)
on conflict (id) do nothing;

-- Password sign-in looks the user up through their `email` identity.
insert into auth.identities (
  id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select
  u.id, u.id::text, u.id,
  jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
  'email', u.created_at, u.created_at, u.created_at
from auth.users u
where u.email like '%@leadlanes.test'
on conflict (provider_id, provider) do nothing;

-- A second pipeline beside the default sales pipeline the migrations create.
insert into public.pipelines (id, name, description, is_default, display_order, created_at, updated_at)
values
  ('5e1e0000-0000-4000-8000-000000000001', 'Renewals',
   'Existing customers whose policies come up for renewal', false, 2,
   '2025-05-02 08:00:00+00', '2025-05-02 08:00:00+00')
on conflict (id) do nothing;

insert into public.pipeline_statuses
  (id, pipeline_id, name, description, is_final, display_order, color_hex, icon_name, ai_action_template,
   created_at, updated_at)
values
  ('5e1e0000-0000-4000-8000-000000000101', '5e1e0000-0000-4000-8000-000000000001', 'Renewal due',
   'Policy expires within 60 days', false, 1, '#0EA5E9', 'phone',
   'Call {{full_name}} about renewing their {{product}} policy',
   '2025-05-02 08:00:00+00', '2025-05-02 08:00:00+00'),
  ('5e1e0000-0000-4000-8000-000000000102', '5e1e0000-0000-4000-8000-000000000001', 'Review sent',
   'Renewal terms sent to the customer', false, 2, '#6366F1', 'file-text',
   'Walk {{full_name}} through the renewal terms of their {{product}} policy ({{estimated_premium}})',
   '2025-05-02 08:00:00+00', '2025-05-02 08:00:00+00'),
  ('5e1e0000-0000-4000-8000-000000000103', '5e1e0000-0000-4000-8000-000000000001', 'Negotiating',
   'Customer is comparing offers or asking for changes', false, 3, '#F59E0B', 'handshake',
   'Offer {{full_name}} a bundle or loyalty discount to keep their {{product}} policy',
   '2025-05-02 08:00:00+00', '2025-05-02 08:00:00+00'),
  ('5e1e0000-0000-4000-8000-000000000104', '5e1e0000-0000-4000-8000-000000000001', 'Renewed',
   'Policy renewed for another term', true, 4, '#22C55E', 'trophy',
   'Thank {{full_name}} for renewing and review their other coverage needs',
   '2025-05-02 08:00:00+00', '2025-05-02 08:00:00+00'),
  ('5e1e0000-0000-4000-8000-000000000105', '5e1e0000-0000-4000-8000-000000000001', 'Lapsed',
   'Customer did not renew', true, 5, '#EF4444', 'circle-x',
   'Ask {{full_name}} why they left and note it for the win-back campaign',
   '2025-05-02 08:00:00+00', '2025-05-02 08:00:00+00')
on conflict (id) do nothing;

-- Forecast settings (20251001000000_add_stage_forecast): a win probability per open stage; the
-- migration already made the default pipeline's Won/Lost won/lost by name. "Renewed" and
-- "Lapsed" say won and lost in other words, which the migration never guesses.
update public.pipeline_statuses s
set win_probability = v.p
from (values ('New', 10), ('Contacted', 25), ('Quote sent', 50), ('Negotiation', 75)) as v(name, p)
where s.name = v.name and s.outcome = 'open'
  and s.pipeline_id = (select id from public.pipelines where is_default);
update public.pipeline_statuses set win_probability = 60 where id = '5e1e0000-0000-4000-8000-000000000101';
update public.pipeline_statuses set win_probability = 70 where id = '5e1e0000-0000-4000-8000-000000000102';
update public.pipeline_statuses set win_probability = 80 where id = '5e1e0000-0000-4000-8000-000000000103';
update public.pipeline_statuses set outcome = 'won', win_probability = 100
where id = '5e1e0000-0000-4000-8000-000000000104';
update public.pipeline_statuses set outcome = 'lost', win_probability = 0
where id = '5e1e0000-0000-4000-8000-000000000105';

-- 400 leads: three in four in the default pipeline, one in four up for renewal; two in five for
-- each agent, one in five in the unassigned pool. Early statuses hold more leads than late ones.
with
  names as (
    select
      array['Olivia', 'Liam', 'Emma', 'Noah', 'Amelia', 'Oliver', 'Sophia', 'Elijah', 'Isabella',
            'Lucas', 'Mia', 'Mateo', 'Charlotte', 'Ethan', 'Harper', 'James', 'Evelyn', 'Aiden',
            'Priya', 'Arjun', 'Fatima', 'Omar', 'Chloe', 'Daniel', 'Grace', 'Samuel', 'Zoe',
            'Hiroshi', 'Yuki', 'Mei', 'Carlos', 'Lucia', 'Kwame', 'Amara', 'Sven', 'Ingrid',
            'Tomasz', 'Anya', 'Rafael', 'Leila'] as first_names,
      array['Smith', 'Johnson', 'Williams', 'Brown', 'Garcia', 'Miller', 'Davis', 'Rodriguez',
            'Martinez', 'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore',
            'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Patel',
            'Nguyen', 'Kim', 'Tanaka', 'Mensah', 'Kowalski', 'Berg', 'O''Brien', 'Rossi', 'Silva',
            'Haddad', 'Cohen', 'Novak'] as last_names,
      array['Website', 'Referral', 'Facebook Ads', 'Google Ads', 'Walk-in', 'Partner agency',
            'Cold call', 'Email campaign'] as sources,
      array['Prefers a call after 5pm.', 'Asked about bundling home and auto.',
            'Currently insured elsewhere; policy ends next month.', 'Wants a quote by email first.',
            'Has two teenage drivers.', 'Recently bought a house.'] as notes
  ),
  default_statuses as (
    select s.id, s.pipeline_id, s.legacy_value, row_number() over (order by s.display_order, s.name) as rank
    from public.pipeline_statuses s
    join public.pipelines p on p.id = s.pipeline_id
    where p.is_default
  ),
  renewal_statuses as (
    select s.id, s.pipeline_id, row_number() over (order by s.display_order) as rank
    from public.pipeline_statuses s
    where s.pipeline_id = '5e1e0000-0000-4000-8000-000000000001'
  ),
  numbered as (
    select
      n,
      n % 4 = 0 as is_renewal,
      (n * 37) % 100 as bucket,
      (array['auto', 'home', 'life', 'health'])[1 + (n * 5 + n / 7) % 4] as product,
      names.first_names[1 + n % 40] as first_name,
      names.last_names[1 + (n * 7 + (n / 40) * 3) % 37] as last_name,
      names.sources[1 + (n * 11 + n / 9) % 8] as source,
      case when n % 6 = 0 then names.notes[1 + (n / 6) % 6] end as note,
      md5('leadlanes-demo-lead-' || n) as h
    from generate_series(1, 400) as n
    cross join names
  ),
  placed as (
    select
      num.*,
      -- Status rank from the bucket: most leads are early in their pipeline.
      case
        when num.is_renewal then
          case when bucket < 35 then 1 when bucket < 60 then 2 when bucket < 75 then 3
               when bucket < 90 then 4 else 5 end
        else
          case when bucket < 30 then 1 when bucket < 52 then 2 when bucket < 70 then 3
               when bucket < 82 then 4 when bucket < 92 then 5 else 6 end
      end as status_rank
    from numbered num
  )
insert into public.leads
  (id, full_name, email, phone, product, estimated_premium, source, assigned_to,
   pipeline_id, status_id, status, notes, created_at, updated_at, status_changed_at)
select
  (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8'
    || substr(h, 18, 3) || '-' || substr(h, 21, 12))::uuid,
  first_name || ' ' || last_name,
  regexp_replace(lower(first_name || '.' || last_name), '[^a-z.]', '', 'g') || n || '@example.com',
  '+1 (555) ' || lpad((100 + (n * 31) % 900)::text, 3, '0') || '-' || lpad(((n * 7919) % 10000)::text, 4, '0'),
  product,
  round((case product
           when 'auto' then 900 + (n * 7919) % 1500
           when 'home' then 1200 + (n * 7919) % 2300
           when 'life' then 400 + (n * 7919) % 1600
           else 3000 + (n * 7919) % 6000
         end + (n % 100) / 100.0)::numeric, 2),
  source,
  case n % 5
    when 0 then null
    when 1 then '0a0a0a0a-0000-4000-8000-000000000001'::uuid
    when 2 then '0b0b0b0b-0000-4000-8000-000000000002'::uuid
    when 3 then '0a0a0a0a-0000-4000-8000-000000000001'::uuid
    else '0b0b0b0b-0000-4000-8000-000000000002'::uuid
  end,
  coalesce(rs.pipeline_id, ds.pipeline_id),
  coalesce(rs.id, ds.id),
  -- The legacy status column keeps its meaning for leads of the default pipeline.
  case when is_renewal then null else ds.legacy_value end,
  note,
  timestamptz '2025-06-02 09:00:00+00' - n * interval '7 hours 13 minutes',
  timestamptz '2025-06-02 09:00:00+00' - n * interval '7 hours 13 minutes' + (n % 9) * interval '1 day',
  -- Time in the current status, relative to when the demo is loaded: from an hour to ~5 weeks.
  now() - (1 + (n * 7919) % 840) * interval '1 hour'
from placed
left join default_statuses ds on not placed.is_renewal and ds.rank = least(placed.status_rank, (select count(*) from default_statuses))
left join renewal_statuses rs on placed.is_renewal and rs.rank = placed.status_rank
on conflict (id) do nothing;

-- The history's first entry (written by the leads trigger at insert time) says when each lead
-- entered its status, matching status_changed_at above (leads moved since are left alone).
update public.lead_status_history h
set changed_at = l.status_changed_at
from public.leads l
where h.lead_id = l.id and h.from_status_id is null and h.changed_at > l.status_changed_at;
