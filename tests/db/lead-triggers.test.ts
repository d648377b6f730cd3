import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../server/db/apply-migrations.ts';
import type { TestDatabase } from './support/test-database.ts';
import { createTestDatabase, engineName } from './support/test-database.ts';

// Trigger names say all they do, and renaming one kept the order PostgreSQL fires them in
// (triggers of one kind fire by name).
describe(`lead triggers (${engineName})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await applyMigrations(t.db);
  });
  afterAll(() => t.drop());

  it('fire before a lead is written in this order, each with the function of its name', async () => {
    const { rows } = await t.db.query<{ name: string; fn: string }>(
      `select t.tgname as name, p.proname as fn
         from pg_trigger t join pg_proc p on p.oid = t.tgfoid
        where t.tgrelid = 'public.leads'::regclass and not t.tgisinternal
          and t.tgtype & 2 = 2 -- BEFORE
        order by t.tgname`,
    );
    expect(rows).toEqual([
      { name: 'leads_check_references_visible', fn: 'check_lead_references_visible' },
      {
        name: 'leads_fill_position_and_status_changed_at',
        fn: 'fill_lead_position_and_status_changed_at',
      },
      { name: 'leads_stamp_txid', fn: 'stamp_txid' },
      { name: 'leads_touch_updated_at', fn: 'touch_updated_at' },
    ]);
  });

  it('the renamed trigger still fills a missing position and the status date', async () => {
    const { rows } = await t.db.query<{ position: string; fresh: boolean }>(
      `insert into public.leads (full_name, pipeline_id, status_id)
       select 'Trigger test', s.pipeline_id, s.id from public.pipeline_statuses s limit 1
       returning position, status_changed_at = now() as fresh`,
    );
    expect(rows).toEqual([{ position: 'a0', fresh: true }]);
  });
});
