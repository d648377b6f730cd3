import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../server/db/apply-migrations.ts';
import type { SqlExecutor } from '../../server/db/database.ts';
import type { CrmUsers } from './support/crm-fixtures.ts';
import { createUsers } from './support/crm-fixtures.ts';
import type { TestDatabase } from './support/test-database.ts';
import { createTestDatabase, engineName } from './support/test-database.ts';

// Exactly-once bookkeeping of sync_push (20251101000000_cheaper_sync_push): the ledger row is
// written first, inside the mutation's subtransaction, with ON CONFLICT DO NOTHING. These check
// what that must never change: a repeat returns the stored answer without running again, a
// refused mutation leaves only its 'rejected' row and none of its writes, and the answer's txid
// is the transaction that wrote the push's rows. Each push commits,
// as a real one does.

interface PushAnswer {
  results: { mutation_id: number; status: string; code: string | null; message: string | null }[];
  txid: string | null;
}

describe(`sync_push ledger: one insert per mutation, exactly once (${engineName})`, () => {
  let t: TestDatabase;
  let users: CrmUsers;
  let nextClient = 1;

  beforeAll(async () => {
    t = await createTestDatabase();
    await applyMigrations(t.db);
    users = await createUsers(t.db);
    await t.db.exec(`
      create table public.push_test_log (id bigserial primary key, client uuid, note text);
      grant select, insert on table public.push_test_log to authenticated;
      grant usage on sequence public.push_test_log_id_seq to authenticated;

      -- Writes one log row: counts how often a mutation really ran.
      create function sync_mutations.log_note(args jsonb) returns void
        language plpgsql security invoker set search_path = ''
      as $$ begin
        insert into public.push_test_log (client, note) values ((args ->> 'client')::uuid, args ->> 'note');
      end; $$;
      -- Writes, then fails: its write must not survive, nor an 'applied' ledger row.
      create function sync_mutations.log_then_fail(args jsonb) returns void
        language plpgsql security invoker set search_path = ''
      as $$ begin
        insert into public.push_test_log (client, note) values ((args ->> 'client')::uuid, 'failed');
        raise exception 'refused on purpose' using errcode = '22023';
      end; $$;
      revoke all on function sync_mutations.log_note(jsonb) from public, anon, authenticated;
      revoke all on function sync_mutations.log_then_fail(jsonb) from public, anon, authenticated;
      grant execute on function sync_mutations.log_note(jsonb) to authenticated;
      grant execute on function sync_mutations.log_then_fail(jsonb) to authenticated;
    `);
  });
  afterAll(() => t.drop());

  function newClient(): string {
    return `c2c2c2c2-0000-4000-8000-${String(nextClient++).padStart(12, '0')}`;
  }

  /** One committed push as agent A; also returns the transaction id it ran in. */
  async function push(
    client: string,
    mutations: { mutation_id: number; name: string; args?: unknown }[],
  ): Promise<{ answer: PushAnswer; ranIn: string }> {
    return t.db.transaction(async (tx: SqlExecutor) => {
      await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify({ sub: users.agentA, role: 'authenticated' }),
      ]);
      await tx.exec('set local role authenticated');
      const { rows } = await tx.query<{ r: PushAnswer }>('select public.sync_push($1, $2) as r', [
        client,
        JSON.stringify(mutations),
      ]);
      const answer = rows[0]?.r;
      if (answer === undefined) throw new Error('sync_push gave no answer');
      const xid = await tx.query<{ x: string | null }>(
        'select pg_current_xact_id_if_assigned()::text as x',
      );
      return { answer, ranIn: xid.rows[0]?.x ?? 'none' };
    });
  }

  async function ledger(client: string) {
    const { rows } = await t.db.query<{ mutation_id: string; status: string; code: string | null }>(
      `select mutation_id::text, status, error_code as code from private.sync_client_mutations
        where client_id = $1 order by mutation_id`,
      [client],
    );
    return rows.map((r) => [Number(r.mutation_id), r.status, r.code]);
  }

  async function notes(client: string): Promise<string[]> {
    const { rows } = await t.db.query<{ note: string }>(
      'select note from public.push_test_log where client = $1 order by id',
      [client],
    );
    return rows.map((r) => r.note);
  }

  it('applies a mutation once, and answers its repeat from the ledger without running it', async () => {
    const client = newClient();
    const first = await push(client, [
      { mutation_id: 1, name: 'log_note', args: { client, note: 'one' } },
    ]);
    expect(first.answer.results).toEqual([
      { mutation_id: 1, status: 'applied', code: null, message: null },
    ]);
    const again = await push(client, [
      { mutation_id: 1, name: 'log_note', args: { client, note: 'one again' } },
      { mutation_id: 2, name: 'log_note', args: { client, note: 'two' } },
    ]);
    expect(again.answer.results.map((r) => [r.mutation_id, r.status])).toEqual([
      [1, 'applied'],
      [2, 'applied'],
    ]);
    expect(await notes(client)).toEqual(['one', 'two']);
    expect(await ledger(client)).toEqual([
      [1, 'applied', null],
      [2, 'applied', null],
    ]);
  });

  it('a repeat inside the same push runs once too', async () => {
    const client = newClient();
    const { answer } = await push(client, [
      { mutation_id: 7, name: 'log_note', args: { client, note: 'first' } },
      { mutation_id: 7, name: 'log_note', args: { client, note: 'repeat' } },
    ]);
    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await notes(client)).toEqual(['first']);
  });

  it('a refused mutation keeps only its rejected row, none of its writes, and stays refused', async () => {
    const client = newClient();
    const { answer } = await push(client, [
      { mutation_id: 1, name: 'log_then_fail', args: { client } },
      { mutation_id: 2, name: 'log_note', args: { client, note: 'after' } },
      { mutation_id: 3, name: 'no_such_mutation', args: {} },
    ]);
    expect(answer.results).toEqual([
      { mutation_id: 1, status: 'rejected', code: '22023', message: 'refused on purpose' },
      { mutation_id: 2, status: 'applied', code: null, message: null },
      {
        mutation_id: 3,
        status: 'rejected',
        code: '22023',
        message: 'Unknown mutation "no_such_mutation"',
      },
    ]);
    expect(await notes(client)).toEqual(['after']);
    expect(await ledger(client)).toEqual([
      [1, 'rejected', '22023'],
      [2, 'applied', null],
      [3, 'rejected', '22023'],
    ]);
    // Sent again (a lost acknowledgement), the refusal is the stored one; nothing runs.
    const retry = await push(client, [
      { mutation_id: 1, name: 'log_note', args: { client, note: 'x' } },
    ]);
    expect(retry.answer.results).toEqual([
      { mutation_id: 1, status: 'rejected', code: '22023', message: 'refused on purpose' },
    ]);
    expect(await notes(client)).toEqual(['after']);
  });

  it("answers with the push's transaction id, which the rows it wrote carry", async () => {
    const client = newClient();
    const first = await push(client, [
      { mutation_id: 1, name: 'log_note', args: { client, note: 'a' } },
    ]);
    expect(first.answer.txid).toBe(first.ranIn);
    const { rows } = await t.db.query<{ txid: string }>(
      'select _txid::text as txid from private.sync_client_mutations where client_id = $1',
      [client],
    );
    expect(rows.map((r) => r.txid)).toEqual([first.ranIn]);

    // A repeat writes nothing, but its ledger attempt still took a transaction id (the ledger's
    // _txid default): it is that push's own id, and the stored row keeps the first one.
    const repeat = await push(client, [
      { mutation_id: 1, name: 'log_note', args: { client, note: 'a' } },
    ]);
    expect(repeat.answer.results).toEqual([
      { mutation_id: 1, status: 'applied', code: null, message: null },
    ]);
    expect(repeat.answer.txid).toBe(repeat.ranIn);
    expect(repeat.answer.txid).not.toBe(first.ranIn);
    const after = await t.db.query<{ txid: string }>(
      'select _txid::text as txid from private.sync_client_mutations where client_id = $1',
      [client],
    );
    expect(after.rows.map((r) => r.txid)).toEqual([first.ranIn]);

    // An empty push takes none.
    const empty = await push(client, []);
    expect(empty.answer).toEqual({ results: [], txid: null });
  });

  it('checks the catalog per name, so a push of many mutations of one name still refuses an unknown one', async () => {
    const client = newClient();
    const mutations = Array.from({ length: 50 }, (_, i) => ({
      mutation_id: i + 1,
      name: i === 30 ? 'log_notes' : 'log_note',
      args: { client, note: `n${i}` },
    }));
    const { answer } = await push(client, mutations);
    expect(answer.results.filter((r) => r.status === 'rejected')).toEqual([
      {
        mutation_id: 31,
        status: 'rejected',
        code: '22023',
        message: 'Unknown mutation "log_notes"',
      },
    ]);
    expect(await notes(client)).toHaveLength(49);
  });
});
