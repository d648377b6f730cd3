import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../server/db/apply-migrations.ts';
import type { Database } from '../../server/db/database.ts';
import { createUsers } from './support/crm-fixtures.ts';
import type { TestDatabase } from './support/test-database.ts';
import { createTestDatabase, engineName } from './support/test-database.ts';

async function failure(db: Database, sql: string, params: unknown[] = []) {
  return db.query(sql, params).then(
    () => {
      throw new Error(`expected to fail: ${sql}`);
    },
    (e: unknown) =>
      e as { code?: string; message: string; detail?: string; hint?: string; constraint?: string },
  );
}

// The spec's "Test Edge Cases", run against the schema.
describe(`pipeline edge cases (${engineName})`, () => {
  let t: TestDatabase;
  let defaultPipeline: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    await applyMigrations(t.db);
    const users = await createUsers(t.db);
    const { rows } = await t.db.query<{ id: string }>('select id from pipelines where is_default');
    defaultPipeline = rows[0]?.id ?? '';
    await t.db.query(
      `insert into leads (full_name, pipeline_id, status_id, assigned_to)
       select 'Lead ' || g, $1, (select id from pipeline_statuses where pipeline_id = $1 and name = 'New'), $2
       from generate_series(1, 3) g`,
      [defaultPipeline, users.agentA],
    );
  });
  afterAll(() => t.drop());

  it('a pipeline with no statuses can be created and read', async () => {
    const { rows } = await t.db.query<{ id: string }>(
      `insert into pipelines (name, display_order) values ('Empty pipeline', 2) returning id`,
    );
    const statuses = await t.db.query<{ n: number }>(
      'select count(*) as n from pipeline_statuses where pipeline_id = $1',
      [rows[0]?.id],
    );
    expect(statuses.rows[0]?.n).toBe(0);
  });

  it('a duplicate status name in one pipeline is a unique violation naming the key', async () => {
    const error = await failure(
      t.db,
      `insert into pipeline_statuses (pipeline_id, name, display_order) values ($1, 'Won', 99)`,
      [defaultPipeline],
    );
    expect(error.code).toBe('23505');
    expect(error.message).toContain('pipeline_statuses_pipeline_id_name_key');
    expect(error.detail).toMatch(/\(pipeline_id, name\)=\(.*, Won\) already exists/);
  });

  it('a status name differing only in case is refused too', async () => {
    const error = await failure(
      t.db,
      `insert into pipeline_statuses (pipeline_id, name, display_order) values ($1, 'wON', 99)`,
      [defaultPipeline],
    );
    expect(error.code).toBe('23505');
    expect(error.message).toContain('pipeline_statuses_pipeline_id_lower_name_key');
  });

  it('the same status name in two pipelines is fine', async () => {
    const { rows } = await t.db.query<{ id: string }>(
      `insert into pipelines (name, display_order) values ('Renewals', 3) returning id`,
    );
    const inserted = await t.db.query(
      `insert into pipeline_statuses (pipeline_id, name, display_order) values ($1, 'Won', 1)`,
      [rows[0]?.id],
    );
    expect(inserted.affectedRows).toBe(1);
  });

  it('deleting a pipeline that has leads is refused with a message saying what to do', async () => {
    const { rows } = await t.db.query<{ id: string; status: string }>(
      `with p as (insert into pipelines (name, display_order) values ('Commercial', 4) returning id),
            s as (insert into pipeline_statuses (pipeline_id, name, display_order) select id, 'Open', 1 from p returning id, pipeline_id)
       insert into leads (full_name, pipeline_id, status_id) select 'Big Corp', pipeline_id, id from s returning pipeline_id as id, status_id as status`,
    );
    const error = await failure(t.db, 'delete from pipelines where id = $1', [rows[0]?.id]);
    expect(error.code).toBe('23503');
    expect(error.message).toBe('Pipeline "Commercial" still has 1 lead(s) and cannot be deleted');
    expect(error.hint).toMatch(/Move its leads to another pipeline first/);
    const status = await failure(t.db, 'delete from pipeline_statuses where id = $1', [
      rows[0]?.status,
    ]);
    expect(status.message).toBe('Status "Open" still has 1 lead(s) and cannot be deleted');
  });

  it('the default pipeline cannot be deleted, and there is never a second default', async () => {
    await t.db.query('delete from leads where pipeline_id = $1', [defaultPipeline]);
    const error = await failure(t.db, 'delete from pipelines where id = $1', [defaultPipeline]);
    expect(error.message).toMatch(/is the default pipeline and cannot be deleted/);
    const second = await failure(
      t.db,
      `insert into pipelines (name, is_default) values ('Another default', true)`,
    );
    expect(second.code).toBe('23505');
  });

  it('a color that is not #RRGGBB is refused', async () => {
    for (const color of ['red', '#FFF', '#12345G']) {
      const error = await failure(
        t.db,
        `insert into pipeline_statuses (pipeline_id, name, display_order, color_hex) values ($1, $2, 50, $3)`,
        [defaultPipeline, `Color ${color}`, color],
      );
      expect(error.code).toBe('23514');
    }
  });

  it('handles 200 pipelines × 30 statuses', async () => {
    await t.db.exec(`
      insert into pipelines (name, display_order)
      select 'Bulk pipeline ' || p, 100 + p from generate_series(1, 200) p;
      insert into pipeline_statuses (pipeline_id, name, display_order, color_hex)
      select pl.id, 'Step ' || s, s, '#' || lpad(to_hex(s * 4000), 6, '0')
      from pipelines pl cross join generate_series(1, 30) s
      where pl.name like 'Bulk pipeline %';
    `);
    const { rows } = await t.db.query<{
      pipelines: number;
      statuses: number;
      min: number;
      max: number;
    }>(
      `select count(*) as pipelines, sum(n)::int as statuses, min(n) as min, max(n) as max
       from (select p.id, count(s.id) as n from pipelines p
             join pipeline_statuses s on s.pipeline_id = p.id
             where p.name like 'Bulk pipeline %' group by p.id) per_pipeline`,
    );
    expect(rows[0]).toEqual({ pipelines: 200, statuses: 6000, min: 30, max: 30 });
    const board = await t.db.query<{ name: string }>(
      `select s.name from pipeline_statuses s join pipelines p on p.id = s.pipeline_id
       where p.name = 'Bulk pipeline 137' order by s.display_order`,
    );
    expect(board.rows.map((r) => r.name)).toEqual(
      Array.from({ length: 30 }, (_, i) => `Step ${i + 1}`),
    );
  });
});
