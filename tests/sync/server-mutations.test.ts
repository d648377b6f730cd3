import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlExecutor } from '../../server/db/database.ts';
import type { MutationResult } from '../../src/sync/sync-api.ts';
import { engineName } from '../server/support/test-backend.ts';
import type { DemoUser, SyncBackend } from './support/sync-backend.ts';
import { startSyncBackend } from './support/sync-backend.ts';

// The server half on its own: sync_push validates and authorises every mutation itself, whatever
// a client sends, and the pipeline mutations do their whole job in one operation.

let backend: SyncBackend;
let column: { pipeline_id: string; status_id: string; other_status_id: string };

beforeAll(async () => {
  backend = await startSyncBackend();
  const { rows } = await backend.t.backend.db.query<{ pipeline_id: string; id: string }>(
    `select s.pipeline_id, s.id from pipeline_statuses s join pipelines p on p.id = s.pipeline_id
     where p.is_default order by s.display_order limit 2`,
  );
  column = {
    pipeline_id: rows[0]?.pipeline_id ?? '',
    status_id: rows[0]?.id ?? '',
    other_status_id: rows[1]?.id ?? '',
  };
});
afterAll(() => backend.close());

let nextId = 1;
async function push(user: DemoUser, name: string, args: unknown): Promise<MutationResult> {
  const clientId =
    { ana: 'a', ben: 'b', maya: 'c' }[user].repeat(8) + '-0000-4000-8000-000000000000';
  const mutationId = nextId++;
  const result = await backend.asUser(user, (tx) =>
    tx.query<{ r: { results: MutationResult[] } }>('select public.sync_push($1, $2) as r', [
      clientId,
      JSON.stringify([{ mutation_id: mutationId, name, args }]),
    ]),
  );
  const first = result.rows[0]?.r.results[0];
  if (!first) throw new Error('no result');
  return first;
}

const sql = <T>(q: string, params: unknown[] = []) =>
  backend.t.backend.db.query<T>(q, params).then((r) => r.rows);

describe(`server-side mutations (${engineName})`, () => {
  it('refuses malformed arguments with a reason', async () => {
    const lead = { id: crypto.randomUUID(), full_name: 'X', ...column };
    delete (lead as Partial<typeof lead>).other_status_id;
    expect(await push('maya', 'create_lead', { ...lead, secret: 1 })).toMatchObject({
      status: 'rejected',
      code: '22023',
      message: 'Unknown argument "secret"',
    });
    expect(await push('maya', 'create_lead', { ...lead, id: 'nope' })).toMatchObject({
      code: '22023',
      message: 'Argument "id" must be an id',
    });
    expect(await push('maya', 'create_lead', { ...lead, estimated_premium: 'lots' })).toMatchObject(
      {
        code: '22023',
      },
    );
    expect(await push('maya', 'update_lead', { id: lead.id, patch: {} })).toMatchObject({
      code: '22023',
    });
    expect(await push('maya', 'drop_table', {})).toMatchObject({
      code: '22023',
      message: 'Unknown mutation "drop_table"',
    });
    expect(await push('maya', 'create_lead', lead)).toMatchObject({ status: 'applied' });
    expect(
      await push('maya', 'move_lead', {
        id: lead.id,
        pipeline_id: column.pipeline_id,
        status_id: '5e1e0000-0000-4000-8000-000000000101',
        position: 'a0',
      }),
    ).toMatchObject({ status: 'rejected', code: '42501' });
  });

  it('lets only managers change pipelines, even when the mutation function is called directly', async () => {
    expect(
      await push('ana', 'update_pipeline', { id: column.pipeline_id, patch: { name: 'Mine' } }),
    ).toMatchObject({
      code: '42501',
    });
    const direct = backend.asUser('ana', (tx: SqlExecutor) =>
      tx.query(`select sync_mutations.update_pipeline($1)`, [
        JSON.stringify({ id: column.pipeline_id, patch: { name: 'Mine' } }),
      ]),
    );
    await expect(direct).rejects.toMatchObject({ code: '42501' });
    // Not reachable over the API at all: the schema is not exposed.
    const rest = await fetch(`${backend.t.url}/rest/v1/rpc/update_pipeline`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Profile': 'sync_mutations',
        Authorization: `Bearer ${backend.tokens.maya}`,
        apikey: backend.t.backend.anonKey,
      },
      body: JSON.stringify({ args: {} }),
    });
    expect(rest.status).toBe(406);
  });

  it('does not let anonymous callers sync', async () => {
    const anon = backend.t.client(null);
    const { error } = await anon.rpc('sync_pull', {
      client_id: null,
      since: null,
      page: null,
      page_size: 10,
    });
    expect(error?.code).toBe('42501');
  });

  it('deletes a pipeline after moving its leads, in one mutation, with history', async () => {
    const pipelineId = crypto.randomUUID();
    const [s1, s2] = [crypto.randomUUID(), crypto.randomUUID()];
    expect(
      await push('maya', 'create_pipeline', {
        id: pipelineId,
        name: 'Temporary',
        statuses: [
          { id: s1, name: 'One' },
          { id: s2, name: 'Two', color_hex: '#123abc' },
        ],
      }),
    ).toMatchObject({ status: 'applied' });
    const leadIds = [crypto.randomUUID(), crypto.randomUUID()];
    for (const [i, id] of leadIds.entries()) {
      await push('maya', 'create_lead', {
        id,
        full_name: `Moving ${i}`,
        pipeline_id: pipelineId,
        status_id: i ? s2 : s1,
      });
    }
    const halfMap = { [s1]: column.status_id };
    expect(
      await push('maya', 'delete_pipeline', {
        id: pipelineId,
        move_to: { pipeline_id: column.pipeline_id, status_map: halfMap },
      }),
    ).toMatchObject({
      status: 'rejected',
      code: '22023',
      message: 'Choose where the leads in "Two" go',
    });
    expect(
      await push('maya', 'delete_pipeline', {
        id: pipelineId,
        move_to: {
          pipeline_id: column.pipeline_id,
          status_map: { [s1]: column.status_id, [s2]: column.other_status_id },
        },
      }),
    ).toMatchObject({ status: 'applied' });
    expect(await sql('select 1 from pipelines where id = $1', [pipelineId])).toHaveLength(0);
    const moved = await sql<{ status_id: string; history: number }>(
      `select status_id, (select count(*)::int from lead_status_history h where h.lead_id = l.id) as history
       from leads l where id = any($1::uuid[]) order by full_name`,
      [leadIds],
    );
    expect(moved).toEqual([
      { status_id: column.status_id, history: 2 },
      { status_id: column.other_status_id, history: 2 },
    ]);
  });

  it('keeps exactly one default pipeline and refuses deleting it', async () => {
    const id = crypto.randomUUID();
    await push('maya', 'create_pipeline', {
      id,
      name: 'Second',
      statuses: [{ id: crypto.randomUUID(), name: 'Only' }],
    });
    expect(await push('maya', 'set_default_pipeline', { id })).toMatchObject({ status: 'applied' });
    expect(await sql('select id from pipelines where is_default')).toEqual([{ id }]);
    expect(await push('maya', 'delete_pipeline', { id })).toMatchObject({
      status: 'rejected',
      code: '23514',
    });
    expect(await push('maya', 'set_default_pipeline', { id: column.pipeline_id })).toMatchObject({
      status: 'applied',
    });
    expect(await push('maya', 'delete_pipeline', { id })).toMatchObject({ status: 'applied' });
  });

  it('moves a status’s leads before deleting it, and refuses a target in another pipeline', async () => {
    const statusId = crypto.randomUUID();
    await push('maya', 'create_pipeline_status', {
      id: statusId,
      pipeline_id: column.pipeline_id,
      name: 'Short-lived',
    });
    const leadId = crypto.randomUUID();
    await push('maya', 'create_lead', {
      id: leadId,
      full_name: 'In a dying column',
      pipeline_id: column.pipeline_id,
      status_id: statusId,
    });
    expect(
      await push('maya', 'delete_pipeline_status', {
        id: statusId,
        move_leads_to_status_id: '5e1e0000-0000-4000-8000-000000000101',
      }),
    ).toMatchObject({ status: 'rejected', code: '22023' });
    expect(await push('maya', 'delete_pipeline_status', { id: statusId })).toMatchObject({
      status: 'rejected',
      code: '23503',
    });
    expect(
      await push('maya', 'delete_pipeline_status', {
        id: statusId,
        move_leads_to_status_id: column.status_id,
      }),
    ).toMatchObject({ status: 'applied' });
    expect(await sql('select status_id from leads where id = $1', [leadId])).toEqual([
      { status_id: column.status_id },
    ]);
  });
});
