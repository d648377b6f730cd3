import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { applyMigrations } from '../../server/db/apply-migrations.ts';
import type { SqlExecutor } from '../../server/db/database.ts';
import { MUTATIONS } from '../../src/sync/mutations/registry.ts';
import { asActor } from './support/actors.ts';
import { createUsers } from './support/crm-fixtures.ts';
import { functionKeySets, parityDifferences, schemaKeySets } from './support/mutation-arg-keys.ts';
import type { TestDatabase } from './support/test-database.ts';
import { createTestDatabase, engineName } from './support/test-database.ts';

// One definition per mutation: every entry of the client's registry has a server twin
// sync_mutations.<name>(jsonb) accepting the same argument keys, and the other way round.

async function serverMutations(db: SqlExecutor): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ name: string; source: string }>(
    `select p.proname as name, p.prosrc as source
       from pg_catalog.pg_proc p
      where p.pronamespace = 'sync_mutations'::regnamespace
        and p.pronargs = 1 and p.proargtypes[0] = 'jsonb'::regtype`,
  );
  return new Map(rows.map((r) => [r.name, functionKeySets(r.source)]));
}

function clientMutations(defs: Record<string, { args: z.ZodMiniType }>): Map<string, string[]> {
  return new Map(Object.entries(defs).map(([name, def]) => [name, schemaKeySets(def.args)]));
}

describe(`registry ↔ sync_mutations parity (${engineName})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await applyMigrations(t.db);
  });
  afterAll(() => t.drop());

  it('every registry name is its definition’s name', () => {
    for (const [name, def] of Object.entries(MUTATIONS)) expect(def.name).toBe(name);
  });

  it('the registry and the sync_mutations functions have the same names and argument keys', async () => {
    const server = await serverMutations(t.db);
    expect(server.size).toBe(14);
    expect(server.get('update_pipeline')).toEqual(['description,name', 'id,patch']);
    expect(parityDifferences(clientMutations(MUTATIONS), server)).toEqual([]);
  });

  it('fails when the server gains a function, or a key, the registry lacks', async () => {
    const users = await createUsers(t.db);
    const server = await asActor(
      t.db,
      { role: 'authenticated', userId: users.manager },
      async (tx) => {
        await tx.exec('reset role');
        await tx.exec(`
        create function sync_mutations.archive_lead(args jsonb) returns void
          language plpgsql set search_path = ''
        as $$ begin perform private.sync_check_keys(args, array['id', 'reason']); end; $$;
        create or replace function sync_mutations.delete_lead(args jsonb) returns void
          language plpgsql set search_path = ''
        as $$ begin perform private.sync_check_keys(args, array['id', 'hard']); end; $$;`);
        return serverMutations(tx); // rolled back with the transaction
      },
    );
    expect(parityDifferences(clientMutations(MUTATIONS), server)).toEqual([
      'archive_lead: sync_mutations.archive_lead(jsonb) is not in the registry',
      'delete_lead: keys differ: client id; server hard,id',
    ]);
  });

  it('fails when the registry gains a mutation, or a key, the server lacks', async () => {
    const client = clientMutations({
      ...MUTATIONS,
      archive_lead: { args: z.object({ id: z.string() }) },
      move_lead: { args: z.extend(MUTATIONS.move_lead.args, { note: z.string() }) },
    });
    expect(parityDifferences(client, await serverMutations(t.db))).toEqual([
      'archive_lead: in the registry, no sync_mutations.archive_lead(jsonb)',
      'move_lead: keys differ: client id,lost_reason,note,pipeline_id,position,restore_status_changed_at,status_id; server id,lost_reason,pipeline_id,position,restore_status_changed_at,status_id',
    ]);
  });
});
