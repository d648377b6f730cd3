import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestLocation, engineName, startTestBackend } from './support/test-backend.ts';
import type { TestBackend, TestDatabaseLocation } from './support/test-backend.ts';

let location: TestDatabaseLocation;
let t: TestBackend;

beforeAll(async () => {
  location = await createTestLocation();
  t = await startTestBackend(location);
});
afterAll(async () => {
  await t.stop();
  await location.drop();
});

async function one<Row>(sql: string): Promise<Row> {
  const { rows } = await t.backend.db.query<Row>(sql);
  if (rows[0] === undefined) throw new Error(`no row: ${sql}`);
  return rows[0];
}

describe(`demo seed (${engineName})`, () => {
  it('creates the demo users, whose profiles come from the auth.users trigger', async () => {
    const { rows } = await t.backend.db.query<{ id: string; full_name: string; role: string }>(
      'select id, full_name, role from public.profiles order by id',
    );
    expect(rows).toEqual([
      { id: DEMO.ana.id, full_name: 'Ana Alvarez', role: 'agent' },
      { id: DEMO.ben.id, full_name: 'Ben Okafor', role: 'agent' },
      { id: DEMO.maya.id, full_name: 'Maya Lindqvist', role: 'manager' },
    ]);
  });

  it('adds a Renewals pipeline with five statuses beside the single default pipeline', async () => {
    const { rows } = await t.backend.db.query<{
      name: string;
      is_default: boolean;
      statuses: number;
    }>(
      `select p.name, p.is_default, count(s.id)::int as statuses
         from public.pipelines p left join public.pipeline_statuses s on s.pipeline_id = p.id
        group by p.id order by p.display_order`,
    );
    expect(rows).toEqual([
      { name: 'Default Sales Pipeline', is_default: true, statuses: 6 },
      { name: 'Renewals', is_default: false, statuses: 5 },
    ]);
  });

  it('spreads 400 leads over both pipelines, every status, both agents and the pool', async () => {
    const stats = await one<Record<string, number>>(
      `select count(*)::int as leads,
              count(distinct l.pipeline_id)::int as pipelines,
              count(distinct l.status_id)::int as statuses,
              count(*) filter (where l.assigned_to is null)::int as pool,
              count(distinct l.assigned_to)::int as agents,
              count(distinct l.product)::int as products,
              count(distinct l.full_name)::int as names,
              count(*) filter (where s.pipeline_id <> l.pipeline_id)::int as mismatched
         from public.leads l join public.pipeline_statuses s on s.id = l.status_id`,
    );
    expect(stats).toMatchObject({
      leads: 400,
      pipelines: 2,
      statuses: 11,
      agents: 2,
      products: 4,
      mismatched: 0,
    });
    expect(stats.pool).toBeGreaterThan(0);
    expect(stats.names).toBeGreaterThan(300);
  });

  it('gives leads realistic time in status, never in the future, matching their history', async () => {
    const stats = await one<Record<string, number>>(
      `select count(distinct date_trunc('day', status_changed_at))::int as days,
              count(*) filter (where status_changed_at > now())::int as future,
              count(*) filter (where status_changed_at > now() - interval '1 hour')::int as just_now,
              (select count(*)::int from public.lead_status_history h
                 join public.leads l on l.id = h.lead_id
                where h.from_status_id is null and h.changed_at <> l.status_changed_at) as mismatched
         from public.leads`,
    );
    expect(stats.days).toBeGreaterThan(20);
    expect(stats.future).toBe(0);
    expect(stats.just_now).toBe(0);
    expect(stats.mismatched).toBe(0);
  });

  it('is deterministic: the same ids and values on every new database', async () => {
    const digest = await one<{ md5: string }>(
      `select md5(string_agg(concat_ws('|', l.id, l.full_name, l.email, l.phone, l.product,
                  l.estimated_premium, l.source, l.assigned_to, s.name, l.created_at), ',' order by l.id))
         from public.leads l join public.pipeline_statuses s on s.id = l.status_id`,
    );
    const other = await createTestLocation();
    const second = await startTestBackend(other);
    try {
      const { rows } = await second.backend.db.query<{ md5: string }>(
        `select md5(string_agg(concat_ws('|', l.id, l.full_name, l.email, l.phone, l.product,
                    l.estimated_premium, l.source, l.assigned_to, s.name, l.created_at), ',' order by l.id))
           from public.leads l join public.pipeline_statuses s on s.id = l.status_id`,
      );
      expect(rows[0]?.md5).toBe(digest.md5);
    } finally {
      await second.stop();
      await other.drop();
    }
  });
});
