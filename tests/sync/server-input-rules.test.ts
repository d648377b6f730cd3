import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationResult } from '../../src/sync/sync-api.ts';
import { requiredText } from '../../src/sync/mutations/fields.ts';
import { nameKey } from '../../src/sync/mutations/text-rules.ts';
import { engineName } from '../server/support/test-backend.ts';
import type { DemoUser, SyncBackend } from './support/sync-backend.ts';
import { DEMO, startSyncBackend } from './support/sync-backend.ts';

// The server enforces what the client's forms enforce, whatever a client sends: the same text
// rules (one list of hostile names, judged by both), the same limits, no existence leak through
// create_lead, and history in the order the moves of one push were made.

let backend: SyncBackend;
let column: { pipeline_id: string; status_id: string };
let statuses: string[];

beforeAll(async () => {
  backend = await startSyncBackend();
  const { rows } = await backend.t.backend.db.query<{ pipeline_id: string; id: string }>(
    `select s.pipeline_id, s.id from pipeline_statuses s join pipelines p on p.id = s.pipeline_id
     where p.is_default order by s.display_order`,
  );
  column = { pipeline_id: rows[0]?.pipeline_id ?? '', status_id: rows[0]?.id ?? '' };
  statuses = rows.map((r) => r.id);
});
afterAll(() => backend.close());

let nextId = 1;
async function pushAll(
  user: DemoUser,
  mutations: { name: string; args: unknown }[],
): Promise<MutationResult[]> {
  const clientId =
    { ana: 'a', ben: 'b', maya: 'c' }[user].repeat(8) + '-0000-4000-8000-00000000000f';
  const result = await backend.asUser(user, (tx) =>
    tx.query<{ r: { results: MutationResult[] } }>('select public.sync_push($1, $2) as r', [
      clientId,
      JSON.stringify(mutations.map((m) => ({ mutation_id: nextId++, ...m }))),
    ]),
  );
  return result.rows[0]?.r.results ?? [];
}
const push = async (user: DemoUser, name: string, args: unknown) => {
  const [first] = await pushAll(user, [{ name, args }]);
  if (!first) throw new Error('no result');
  return first;
};
const sql = <T>(q: string, params: unknown[] = []) =>
  backend.t.backend.db.query<T>(q, params).then((r) => r.rows);
const uuid = () => crypto.randomUUID();

const HOSTILE_NAMES: Record<string, string> = {
  'zero-width only': '\u200b\u200b',
  'no-break and ideographic spaces': '\u00a0\u3000',
  'a byte-order mark': '\ufeff',
  'a control character': 'Acme\u0007',
  'a line break': 'Acme\nCorp',
  'a right-to-left override': 'Invoice\u202egnp.exe',
  'a directional isolate': '\u2066Won\u2069',
};

describe(`server input rules match the client's (${engineName})`, () => {
  it('refuses every hostile name on the client and on the server, for pipelines, statuses and leads', async () => {
    const client: Record<string, boolean> = {};
    const server: Record<string, Record<string, string>> = {};
    for (const [label, name] of Object.entries(HOSTILE_NAMES)) {
      client[label] = requiredText('Name', 200).safeParse(name).success;
      server[label] = {
        pipeline: (await push('maya', 'create_pipeline', { id: uuid(), name })).status,
        status: (
          await push('maya', 'create_pipeline_status', {
            id: uuid(),
            pipeline_id: column.pipeline_id,
            name,
          })
        ).status,
        lead: (await push('ana', 'create_lead', { id: uuid(), full_name: name, ...column })).status,
      };
    }
    const refusedEverywhere = { pipeline: 'rejected', status: 'rejected', lead: 'rejected' };
    expect({ client, server }).toEqual({
      client: Object.fromEntries(Object.keys(HOSTILE_NAMES).map((k) => [k, false])),
      server: Object.fromEntries(Object.keys(HOSTILE_NAMES).map((k) => [k, refusedEverywhere])),
    });
    // …and ordinary international names pass both.
    for (const name of ['Zoë Ångström', 'محمد', '王小明', 'O’Brien-Smith']) {
      expect(requiredText('Name', 200).safeParse(name).success, name).toBe(true);
      expect(
        await push('ana', 'create_lead', { id: uuid(), full_name: name, ...column }),
      ).toMatchObject({ status: 'applied' });
    }
  });

  it('compares status names after Unicode normalisation, like the client', async () => {
    const pipeline = uuid();
    expect(
      await push('maya', 'create_pipeline', {
        id: pipeline,
        name: 'Normalisation',
        statuses: [{ id: uuid(), name: 'Won' }],
      }),
    ).toMatchObject({ status: 'applied' });
    for (const twin of ['won', 'Won\u200b', 'ＷＯＮ', '\u200dWON']) {
      expect(nameKey(twin), twin).toBe(nameKey('Won'));
      expect(
        await push('maya', 'create_pipeline_status', {
          id: uuid(),
          pipeline_id: pipeline,
          name: twin,
        }),
        twin,
      ).toMatchObject({ status: 'rejected', code: '23505' });
    }
    expect(
      await push('maya', 'create_pipeline_status', {
        id: uuid(),
        pipeline_id: pipeline,
        name: 'Won back',
      }),
    ).toMatchObject({ status: 'applied' });
  });

  it("holds the client's limits: statuses per new pipeline, ids per reorder, display order, lengths", async () => {
    const statusesOf = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: uuid(), name: `S${i}` }));
    expect(
      await push('maya', 'create_pipeline', {
        id: uuid(),
        name: 'Too many',
        statuses: statusesOf(51),
      }),
    ).toMatchObject({ status: 'rejected', code: '22023', message: 'At most 50 statuses' });
    expect(
      await push('maya', 'create_pipeline', {
        id: uuid(),
        name: 'Fifty',
        statuses: statusesOf(50),
      }),
    ).toMatchObject({ status: 'applied' });
    const ids = (n: number) => Array.from({ length: n }, uuid);
    expect(await push('maya', 'reorder_pipelines', { ids: ids(501) })).toMatchObject({
      status: 'rejected',
      message: 'At most 500 ids per reorder',
    });
    expect(
      await push('maya', 'reorder_pipeline_statuses', {
        pipeline_id: column.pipeline_id,
        ids: ids(201),
      }),
    ).toMatchObject({ status: 'rejected', message: 'At most 200 ids per reorder' });
    for (const display_order of [-1, 1_000_001]) {
      expect(
        await push('maya', 'create_pipeline', {
          id: uuid(),
          name: `Order ${display_order}`,
          display_order,
        }),
      ).toMatchObject({ status: 'rejected', code: '23514' });
    }
    const longEmail = `${'a'.repeat(310)}@example.com`;
    expect(
      await push('ana', 'create_lead', {
        id: uuid(),
        full_name: 'Long',
        email: longEmail,
        ...column,
      }),
    ).toMatchObject({ status: 'rejected', code: '23514' });
  });

  it('create_lead with the id of a lead the caller cannot see answers like any other refused insert', async () => {
    const bens = await sql<{ id: string }>(`select id from leads where assigned_to = $1 limit 1`, [
      DEMO.ben.id,
    ]);
    const hidden = bens[0]?.id ?? '';
    const takeHidden = await push('ana', 'create_lead', {
      id: hidden,
      full_name: 'Probe',
      ...column,
    });
    const giveToBen = await push('ana', 'create_lead', {
      id: uuid(),
      full_name: 'Probe',
      assigned_to: DEMO.ben.id,
      ...column,
    });
    expect(takeHidden).toMatchObject({ status: 'rejected', code: '42501' });
    expect({ code: takeHidden.code, message: takeHidden.message }).toEqual({
      code: giveToBen.code,
      message: giveToBen.message,
    });
    expect(takeHidden.message).not.toMatch(/exist|duplicate|key/i);
  });

  it('keeps the order of several moves of one lead made in one push', async () => {
    const id = uuid();
    const [a, b, c, d] = statuses;
    const moves = [b, c, d, a].map((status_id, i) => ({
      name: 'move_lead',
      args: { id, pipeline_id: column.pipeline_id, status_id, position: `a${i}` },
    }));
    const results = await pushAll('ana', [
      { name: 'create_lead', args: { id, full_name: 'Mover', ...column } },
      ...moves,
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(5).fill('applied'));
    const history = await sql<{ to_status_id: string }>(
      `select to_status_id from lead_status_history where lead_id = $1 order by changed_at, id`,
      [id],
    );
    expect(history.map((h) => h.to_status_id)).toEqual([a, b, c, d, a]);
  });
});
