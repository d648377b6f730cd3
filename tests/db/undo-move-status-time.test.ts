import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../server/db/apply-migrations.ts';
import type { SqlExecutor } from '../../server/db/database.ts';
import { asActor } from './support/actors.ts';
import type { CrmUsers } from './support/crm-fixtures.ts';
import { createUsers } from './support/crm-fixtures.ts';
import type { TestDatabase } from './support/test-database.ts';
import { createTestDatabase, engineName } from './support/test-database.ts';

// Undo is a move back that says since when the lead had been where it returns
// (`restore_status_changed_at`). The server puts that time back only when its own history
// agrees; any other claim leaves the move's own now(), and a malformed one is refused.

interface PushResult {
  mutation_id: number;
  status: 'applied' | 'rejected';
  code: string | null;
  message: string | null;
}

const CLIENT = 'c1c1c1c1-0000-4000-8000-0000000000aa';

describe(`undoing a move restores time in status (${engineName})`, () => {
  let t: TestDatabase;
  let users: CrmUsers;
  let leadId: string;
  let pipelineId: string;
  let statuses: string[];
  /** The lead's status_changed_at as the client holds it (PostgreSQL's JSON text). */
  let weekAgo: string;
  let nextMutationId = 1;

  beforeAll(async () => {
    t = await createTestDatabase();
    await applyMigrations(t.db);
    users = await createUsers(t.db);
    const { rows } = await t.db.query<{ id: string; pipeline_id: string }>(
      `select s.id, s.pipeline_id from public.pipeline_statuses s
         join public.pipelines p on p.id = s.pipeline_id and p.is_default
        order by s.display_order`,
    );
    statuses = rows.map((r) => r.id);
    pipelineId = rows[0]?.pipeline_id ?? '';
    const lead = await t.db.query<{ id: string; since: string }>(
      `insert into public.leads (full_name, product, assigned_to, pipeline_id, status_id, status_changed_at)
       values ('Week Old', 'auto', $1, $2, $3, now() - interval '7 days')
       returning id, to_jsonb(status_changed_at) #>> '{}' as since`,
      [users.agentA, pipelineId, statuses[0]],
    );
    leadId = lead.rows[0]?.id ?? '';
    weekAgo = lead.rows[0]?.since ?? '';
  });
  afterAll(() => t.drop());

  const asAgent = <T>(fn: (tx: SqlExecutor) => Promise<T>) =>
    asActor(t.db, { role: 'authenticated', userId: users.agentA }, fn);

  async function move(tx: SqlExecutor, statusIndex: number, restore?: string) {
    const args = {
      id: leadId,
      pipeline_id: pipelineId,
      status_id: statuses[statusIndex],
      position: 'a0',
      ...(restore === undefined ? {} : { restore_status_changed_at: restore }),
    };
    const { rows } = await tx.query<{ r: { results: PushResult[] } }>(
      'select public.sync_push($1, $2) as r',
      [CLIENT, JSON.stringify([{ mutation_id: nextMutationId++, name: 'move_lead', args }])],
    );
    return rows[0]?.r.results[0];
  }

  async function lead(tx: SqlExecutor) {
    const { rows } = await tx.query<{ status_id: string; since: string; fresh: boolean }>(
      `select status_id, to_jsonb(status_changed_at) #>> '{}' as since,
              status_changed_at > now() - interval '1 minute' as fresh
         from public.leads where id = $1`,
      [leadId],
    );
    return rows[0];
  }

  it('puts back the week when the undo reverses the last move', async () => {
    const after = await asAgent(async (tx) => {
      expect(await move(tx, 1)).toMatchObject({ status: 'applied' });
      expect((await lead(tx))?.fresh).toBe(true);
      expect(await move(tx, 0, weekAgo)).toMatchObject({ status: 'applied' });
      return lead(tx);
    });
    expect(after).toEqual({ status_id: statuses[0], since: weekAgo, fresh: false });
  });

  it('keeps the restored time through a second move and undo', async () => {
    const after = await asAgent(async (tx) => {
      await move(tx, 1);
      await move(tx, 0, weekAgo);
      await move(tx, 2);
      await move(tx, 0, weekAgo);
      return lead(tx);
    });
    expect(after).toEqual({ status_id: statuses[0], since: weekAgo, fresh: false });
  });

  it('does not take a time the history does not show (the client claims a month)', async () => {
    const monthAgo = new Date(Date.parse(weekAgo) - 23 * 86_400_000).toISOString();
    const after = await asAgent(async (tx) => {
      await move(tx, 1);
      expect(await move(tx, 0, monthAgo)).toMatchObject({ status: 'applied' });
      return lead(tx);
    });
    expect(after).toMatchObject({ status_id: statuses[0], fresh: true });
  });

  it('does not restore on a move that is not the reverse of the last one', async () => {
    const after = await asAgent(async (tx) => {
      await move(tx, 1);
      await move(tx, 2, weekAgo); // New → Contacted, then "undo" to a third status
      return lead(tx);
    });
    expect(after).toMatchObject({ status_id: statuses[2], fresh: true });
  });

  it('does not restore when the undone move was not made by this change (no move, only the claim)', async () => {
    const after = await asAgent(async (tx) => {
      expect(await move(tx, 0, weekAgo)).toMatchObject({ status: 'applied' }); // same status
      const direct = await tx.query<{ ok: boolean }>(
        `select private.restore_status_changed_at($1, now() - interval '30 days') as ok`,
        [leadId],
      );
      expect(direct.rows[0]?.ok).toBe(false);
      return lead(tx);
    });
    expect(after).toEqual({ status_id: statuses[0], since: weekAgo, fresh: false });
  });

  it('refuses a malformed time with a clear error and writes nothing', async () => {
    const result = await asAgent(async (tx) => {
      await move(tx, 1);
      const refused = await move(tx, 0, 'last tuesday');
      return { refused, after: await lead(tx) };
    });
    expect(result.refused).toMatchObject({
      status: 'rejected',
      code: '22023',
      message: 'Argument "restore_status_changed_at" must be a date and time with a time zone',
    });
    expect(result.after).toMatchObject({ status_id: statuses[1] });
  });

  it('agents cannot read the departure times', async () => {
    const outcome = await asAgent((tx) =>
      tx
        .query('select * from private.lead_status_departures')
        .then(() => 'read')
        .catch((e: { code?: string }) => e.code),
    );
    expect(outcome).toBe('42501');
  });
});
