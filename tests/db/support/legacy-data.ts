import type { SqlExecutor } from '../../../server/db/database.ts';
import type { CrmUsers } from './crm-fixtures.ts';

/**
 * Legacy statuses a real CRM accumulates next to the seeded ones: trailing spaces, quotes,
 * unicode, a case-duplicate of 'Won', colors that are not #RRGGBB, a blank name.
 */
export const AWKWARD_STATUSES: {
  value: string;
  color: string | null;
  order: number;
  final: boolean;
}[] = [
  { value: 'Follow up ', color: 'red', order: 7, final: false },
  { value: `Customer's "VIP" list`, color: '#FFF', order: 8, final: false },
  { value: 'Résumé envoyé ✓ 日本', color: '#a1b2c3', order: 9, final: false },
  { value: 'won', color: null, order: 10, final: true },
  { value: '   ', color: '#12345', order: 11, final: false },
];

/** Adds the awkward statuses and `count` leads spread over every status and NULL. */
export async function seedLegacyData(
  db: SqlExecutor,
  users: CrmUsers,
  count: number,
): Promise<void> {
  for (const s of AWKWARD_STATUSES) {
    await db.query(
      `insert into lead_statuses (value, description, is_final, display_order, color_hex, icon_name)
       values ($1, 'legacy', $2, $3, $4, 'tag')`,
      [s.value, s.final, s.order, s.color],
    );
  }
  // Every status (and NULL) gets leads; agents, the pool and the manager all own some.
  await db.query(
    `with statuses as (
       select array_agg(value order by display_order) || array[null::text] as list from lead_statuses
     )
     insert into leads (full_name, email, phone, product, estimated_premium, source, assigned_to, status, notes, created_at, updated_at)
     select
       'Lead ' || g || case when g % 7 = 0 then ' O''Brien' else '' end,
       case when g % 5 = 0 then null else 'lead' || g || '@example.com' end,
       case when g % 3 = 0 then null else '+1 555 ' || lpad(g::text, 4, '0') end,
       (array['auto', 'home', 'life', 'health', 'renters', 'business'])[1 + g % 6],
       case when g % 4 = 0 then null else (g * 13.37)::numeric(12, 2) end,
       (array['web', 'referral', 'phone', null])[1 + g % 4],
       (array[$1::uuid, $2::uuid, $3::uuid, null])[1 + g % 4],
       statuses.list[1 + g % array_length(statuses.list, 1)],
       case when g % 2 = 0 then 'Called on ' || g || ' — "needs quote"' end,
       timestamptz '2025-01-01 09:00:00+00' + g * interval '17 minutes',
       timestamptz '2025-02-01 09:00:00+00' + g * interval '11 minutes'
     from generate_series(1, $4::int) g, statuses`,
    [users.agentA, users.agentB, users.manager, count],
  );
}

/** Every lead column that existed before the pipeline feature, as JSON, ordered by id. */
export async function legacyLeadSnapshot(db: SqlExecutor): Promise<unknown[]> {
  const { rows } = await db.query<{ lead: unknown }>(
    `select jsonb_build_object(
       'id', id, 'full_name', full_name, 'email', email, 'phone', phone, 'product', product,
       'estimated_premium', estimated_premium, 'source', source, 'assigned_to', assigned_to,
       'status', status, 'notes', notes, 'created_at', created_at, 'updated_at', updated_at) as lead
     from leads order by id`,
  );
  return rows.map((r) => r.lead);
}

export async function tableSnapshot(
  db: SqlExecutor,
  table: 'lead_statuses' | 'profiles',
): Promise<unknown[]> {
  const order = table === 'lead_statuses' ? 'value' : 'id';
  const { rows } = await db.query<{ row: unknown }>(
    `select to_jsonb(t) as row from ${table} t order by ${order}`,
  );
  return rows.map((r) => r.row);
}
