import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineName } from '../server/support/test-backend.ts';
import type { DemoUser, SyncBackend } from './support/sync-backend.ts';
import { DEMO, startSyncBackend } from './support/sync-backend.ts';

// Roles come from the server, never from what a user writes; the seed is one Supabase Auth can
// read; and a change a user could see before — even one that takes a lead out of their view —
// reaches them as a nudge they, and only they, can read.

let backend: SyncBackend;
beforeAll(async () => {
  backend = await startSyncBackend();
});
afterAll(() => backend.close());

const sql = <T>(q: string, params: unknown[] = []) =>
  backend.t.backend.db.query<T>(q, params).then((r) => r.rows);
const as = <T>(user: DemoUser, q: string, params: unknown[] = []) =>
  backend.asUser(user, (tx) => tx.query<T>(q, params)).then((r) => r.rows);
async function refusal(user: DemoUser, q: string, params: unknown[] = []) {
  try {
    await as(user, q, params);
    return 'allowed';
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe(`roles, seed and nudges (${engineName})`, () => {
  it('signs up as an agent whatever role the user writes into their own metadata', async () => {
    await sql(
      `insert into auth.users (email, raw_user_meta_data, raw_app_meta_data) values
         ('eve@example.com', '{"full_name": "Eve", "role": "manager"}', '{"provider": "email"}'),
         ('mo@example.com', '{"full_name": "Mo"}', '{"provider": "email", "role": "manager"}')`,
    );
    const [self, admin] = await sql<{ role: string }>(
      `select p.role from auth.users u join profiles p on p.id = u.id
       where u.email in ('eve@example.com', 'mo@example.com') order by u.email`,
    );
    // Sorted by email: eve (user-written role) first, mo (set by an administrator) second.
    expect([self?.role, admin?.role]).toEqual(['agent', 'manager']);
  });

  it('lets only a manager change another person’s role, through set_user_role', async () => {
    expect(await refusal('ana', `select set_user_role($1, 'manager')`, [DEMO.ana.id])).toBe(
      '42501',
    );
    expect(await refusal('ana', `select set_user_role($1, 'agent')`, [DEMO.maya.id])).toBe('42501');
    expect(await refusal('maya', `select set_user_role($1, 'agent')`, [DEMO.maya.id])).toBe(
      '42501',
    );
    expect(await refusal('maya', `select set_user_role($1, 'admin')`, [DEMO.ben.id])).toBe('22023');
    expect(await refusal('ana', `update profiles set role = 'manager' where id = auth.uid()`)).toBe(
      '42501',
    );
    // backend.asUser rolls nothing back: this promotion is real, so demote Ben again after.
    expect(await refusal('maya', `select set_user_role($1, 'manager')`, [DEMO.ben.id])).toBe(
      'allowed',
    );
    expect(await sql(`select role from profiles where id = $1`, [DEMO.ben.id])).toEqual([
      { role: 'manager' },
    ]);
    await as('maya', `select set_user_role($1, 'agent')`, [DEMO.ben.id]);
  });

  it('seeds demo users Supabase Auth can sign in: no NULL strings, an email identity, the demo password', async () => {
    const users = await sql<Record<string, unknown>>(
      `select email, aud, role, instance_id is not null as has_instance,
              confirmation_token, recovery_token, email_change_token_new, email_change,
              email_change_token_current, phone_change, phone_change_token, reauthentication_token,
              email_confirmed_at is not null as confirmed,
              encrypted_password = extensions.crypt('leadlanes-demo', encrypted_password) as password_ok,
              raw_app_meta_data ->> 'provider' as provider,
              (select count(*)::int from auth.identities i
                where i.user_id = u.id and i.provider = 'email' and i.provider_id = u.id::text
                  and i.identity_data ->> 'email' = u.email) as identities
         from auth.users u where email like '%@leadlanes.test' order by email`,
    );
    expect(users).toHaveLength(3);
    for (const user of users) {
      expect(user).toEqual({
        email: user.email,
        aud: 'authenticated',
        role: 'authenticated',
        has_instance: true,
        confirmation_token: '',
        recovery_token: '',
        email_change_token_new: '',
        email_change: '',
        email_change_token_current: '',
        phone_change: '',
        phone_change_token: '',
        reauthentication_token: '',
        confirmed: true,
        password_ok: true,
        provider: 'email',
        identities: 1,
      });
    }
    expect(await sql(`select role from profiles where id = $1`, [DEMO.maya.id])).toEqual([
      { role: 'manager' },
    ]);
  });

  it('nudges the previous assignee when a lead is reassigned away from them, and nobody else sees it', async () => {
    const [lead] = await sql<{ id: string }>(
      `select id from leads where assigned_to = $1 limit 1`,
      [DEMO.ben.id],
    );
    const nudgesFor = (user: DemoUser, audience: string) =>
      as<{ n: number }>(user, `select count(*)::int as n from sync_nudges where audience = $1`, [
        audience,
      ]).then((rows) => rows[0]?.n ?? 0);
    const before = await nudgesFor('ben', DEMO.ben.id);
    await as('maya', `update leads set assigned_to = $1 where id = $2`, [DEMO.ana.id, lead?.id]);
    // The lead has left Ben's view (RLS), so a row-change event would not reach him; a nudge does.
    expect(await as('ben', `select id from leads where id = $1`, [lead?.id])).toEqual([]);
    expect(await nudgesFor('ben', DEMO.ben.id)).toBe(before + 1);
    // Only the audience reads it: Ana sees her own nudge, never Ben's.
    expect(await nudgesFor('ana', DEMO.ben.id)).toBe(0);
    expect(await nudgesFor('ana', DEMO.ana.id)).toBeGreaterThan(0);
    expect(await nudgesFor('ana', 'managers')).toBe(0);
    expect(await nudgesFor('maya', 'managers')).toBeGreaterThan(0);
  });

  it('publishes the nudges, not the replicated rows, to Realtime where the publication exists', async () => {
    const publication = await sql(
      `select 1 from pg_publication where pubname = 'supabase_realtime'`,
    );
    const published = await sql<{ tablename: string }>(
      `select tablename from pg_publication_tables where pubname = 'supabase_realtime' order by 1`,
    );
    expect(published.map((p) => p.tablename)).toEqual(publication.length ? ['sync_nudges'] : []);
  });
});
