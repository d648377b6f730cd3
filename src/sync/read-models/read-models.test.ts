import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalDb } from '../local-db.ts';
import { openLocalDb } from '../local-db.ts';
import { leadRow, pipelineRow, statusRow } from '../testing/rows.ts';
import {
  columnLeads,
  columnQuery,
  firstPositionInColumn,
  lastPositionInColumn,
} from './column-query.ts';
import { orderedPipelines } from './pipeline-order.ts';
import { pipelineStatuses } from './status-order.ts';

let db: LocalDb;
beforeEach(async () => {
  db = await openLocalDb(crypto.randomUUID());
});
afterEach(() => db.close());

describe('shared read models', () => {
  it('pipelines: the default first, then display_order, then id (names never decide)', async () => {
    await db.pipelines.bulkPut([
      pipelineRow({ id: 'c', name: 'A first by name', display_order: 2 }),
      pipelineRow({ id: 'b', name: 'Zed', display_order: 1 }),
      pipelineRow({ id: 'a', name: 'Tied with b', display_order: 1 }),
      pipelineRow({ id: 'd', name: 'Default', display_order: 9, is_default: true }),
    ]);
    expect((await orderedPipelines(db)).map((p) => p.id)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('statuses of one pipeline: display_order, then id', async () => {
    await db.pipeline_statuses.bulkPut([
      statusRow({ id: 's3', pipeline_id: 'p', name: 'A', display_order: 2 }),
      statusRow({ id: 's2', pipeline_id: 'p', name: 'Z', display_order: 1 }),
      statusRow({ id: 's1', pipeline_id: 'p', name: 'Y', display_order: 1 }),
      statusRow({ id: 'other', pipeline_id: 'q', name: 'Elsewhere', display_order: 0 }),
    ]);
    expect((await pipelineStatuses(db, 'p')).map((s) => s.id)).toEqual(['s1', 's2', 's3']);
  });

  it('a column in (position, id) order; without a status, every column of the pipeline', async () => {
    const at = (id: string, status_id: string, position: string, pipeline_id = 'p') =>
      leadRow({ id, full_name: id, pipeline_id, status_id, position });
    await db.leads.bulkPut([
      at('l3', 's1', 'a1'),
      at('l2', 's1', 'a0'),
      at('l1', 's1', 'a0'),
      at('l4', 's2', 'Zz'),
      at('l5', 's1', 'a0', 'q'),
    ]);
    expect((await columnLeads(db, 'p', 's1')).map((l) => l.id)).toEqual(['l1', 'l2', 'l3']);
    expect(await firstPositionInColumn(db, 'p', 's1')).toBe('a0');
    expect(await lastPositionInColumn(db, 'p', 's1')).toBe('a1');
    expect(await firstPositionInColumn(db, 'p', 'empty')).toBeNull();
    expect((await columnQuery(db, 'p').primaryKeys()).sort()).toEqual(['l1', 'l2', 'l3', 'l4']);
  });
});
