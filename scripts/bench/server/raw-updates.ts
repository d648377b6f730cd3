import type pg from 'pg';
import { nthMove } from './bench-leads.ts';
import type { BenchSlot } from './bench-leads.ts';
import { timePerConnection } from './time-per-connection.ts';

// The baseline: the UPDATE a move boils down to, as one parameterised statement per move
// (autocommit), from one connection per bench client, with no server, role or RLS in between.

const MOVE_SQL = `update public.leads set pipeline_id = $1, status_id = $2, position = $3 where id = $4`;

const counters = new WeakMap<BenchSlot, number>();

export function timeRawUpdates(
  admin: pg.Pool,
  slots: BenchSlot[],
  perSlot: number,
): Promise<{ perSecond: number; latencies: number[] }> {
  return timePerConnection(admin, slots, perSlot, (slot) => {
    const n = counters.get(slot) ?? 0;
    counters.set(slot, n + 1);
    const move = nthMove(slot, n);
    const values = [move.lead.pipelineId, move.statusId, move.position, move.lead.id];
    return (connection) => connection.query(MOVE_SQL, values);
  });
}
