import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlExecutor } from '../../server/db/database.ts';
import type { PullPage } from '../../src/sync/sync-api.ts';
import { engineName } from '../server/support/test-backend.ts';
import type { SyncBackend } from './support/sync-backend.ts';
import { DEMO, startSyncBackend } from './support/sync-backend.ts';

// Writers commit in an order different from the order their transaction ids were taken (a slow
// transaction holds a low id while later ones commit). Pullers loop meanwhile. A feed that skips
// a row leaves it out of a puller's copy for good (rows here are written once or deleted), so
// "every puller ends equal to the server" is exactly "no committed row was ever skipped".

const WRITERS = 4;
const TRANSACTIONS_PER_WRITER = 25;
const PULLERS = 2;

let backend: SyncBackend;
let defaultColumn: { pipeline_id: string; status_id: string };

beforeAll(async () => {
  backend = await startSyncBackend();
  const { rows } = await backend.t.backend.db.query<{ pipeline_id: string; status_id: string }>(
    `select s.pipeline_id, s.id as status_id from pipeline_statuses s
     join pipelines p on p.id = s.pipeline_id where p.is_default order by s.display_order limit 1`,
  );
  defaultColumn = rows[0] ?? { pipeline_id: '', status_id: '' };
});
afterAll(() => backend.close());

async function asMaya(tx: SqlExecutor): Promise<void> {
  const claims = JSON.stringify({ sub: DEMO.maya.id, role: 'authenticated' });
  await tx.query(`select set_config('request.jwt.claims', $1, true)`, [claims]);
  await tx.exec('set local role authenticated');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function writer(n: number, commits: bigint[]): Promise<void> {
  const mine: string[] = [];
  for (let i = 0; i < TRANSACTIONS_PER_WRITER; i++) {
    const xid = await backend.t.backend.db.transaction(async (tx) => {
      await asMaya(tx);
      const { rows } = await tx.query<{ id: string; xid: string }>(
        `insert into leads (full_name, pipeline_id, status_id) values ($1, $2, $3)
         returning id, pg_current_xact_id()::text as xid`,
        [`Writer ${n} lead ${i}`, defaultColumn.pipeline_id, defaultColumn.status_id],
      );
      const row = rows[0];
      if (!row) throw new Error('insert returned nothing');
      mine.push(row.id);
      const earlier = mine[Math.floor(Math.random() * mine.length)];
      if (i % 3 === 1 && earlier !== row.id) {
        await tx.query(`update leads set notes = $2 where id = $1`, [
          earlier,
          `touched by ${n}/${i}`,
        ]);
      }
      if (i % 7 === 6 && earlier !== row.id) {
        await tx.query(`delete from leads where id = $1`, [earlier]);
        mine.splice(mine.indexOf(earlier ?? ''), 1);
      }
      // Hold the transaction (and its id) open while others commit.
      await tx.query(`select pg_sleep($1)`, [Math.random() * 0.03]);
      return BigInt(row.xid);
    });
    commits.push(xid);
  }
}

interface Puller {
  cursor: string | null;
  leads: Map<string, string | null>;
  pulls: number;
}

async function pull(puller: Puller): Promise<void> {
  let page: unknown = null;
  for (;;) {
    const res = await backend.t.backend.db.transaction(async (tx) => {
      await asMaya(tx);
      const { rows } = await tx.query<{ p: PullPage }>(
        `select public.sync_pull($1, $2, $3, $4) as p`,
        [null, puller.cursor, page === null ? null : JSON.stringify(page), 50],
      );
      if (!rows[0]) throw new Error('sync_pull returned nothing');
      return rows[0].p;
    });
    for (const lead of res.rows.leads ?? []) puller.leads.set(lead.id, lead.notes);
    for (const t of res.tombstones) if (t.table === 'leads') puller.leads.delete(t.id);
    if (!res.has_more) {
      puller.cursor = res.next_cursor;
      puller.pulls++;
      return;
    }
    page = res.page;
  }
}

describe(`the change feed under concurrent writers (${engineName})`, () => {
  it('never skips a committed row, whatever order transactions commit in', async () => {
    const pullers: Puller[] = Array.from({ length: PULLERS }, () => ({
      cursor: null,
      leads: new Map(),
      pulls: 0,
    }));
    const commits: bigint[] = [];
    let writing = true;
    const writers = Promise.all(
      Array.from({ length: WRITERS }, (_, n) => writer(n, commits)),
    ).finally(() => {
      writing = false;
    });
    const looping = pullers.map(async (p) => {
      while (writing) {
        await pull(p);
        await sleep(2);
      }
    });
    await Promise.all([writers, ...looping]);
    for (const p of pullers) await pull(p);

    const { rows } = await backend.t.backend.db.query<{ id: string; notes: string | null }>(
      'select id, notes from leads',
    );
    const server = new Map(rows.map((r) => [r.id, r.notes]));
    for (const p of pullers) {
      expect(p.pulls).toBeGreaterThanOrEqual(2);
      expect(p.leads).toEqual(server);
    }
    expect(commits).toHaveLength(WRITERS * TRANSACTIONS_PER_WRITER);
    if (engineName !== 'pglite') {
      // The hazard really happened: some transaction committed after one with a higher id.
      const outOfOrder = commits.some((xid, i) =>
        commits.slice(0, i).some((earlier) => earlier > xid),
      );
      expect(outOfOrder).toBe(true);
    }
  });
});
