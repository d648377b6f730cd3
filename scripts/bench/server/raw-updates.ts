import type pg from 'pg';
import { nthMove } from './bench-leads.ts';
import type { BenchSlot } from './bench-leads.ts';

// The baseline: the UPDATE a move boils down to, as one parameterised statement per move
// (autocommit), from one connection per bench client, with no server, role or RLS in between.

const MOVE_SQL = `update public.leads set pipeline_id = $1, status_id = $2, position = $3 where id = $4`;

const counters = new WeakMap<BenchSlot, number>();

export async function timeRawUpdates(
  admin: pg.Pool,
  slots: BenchSlot[],
  perSlot: number,
): Promise<{ perSecond: number; latencies: number[] }> {
  // One connection per slot, checked out before the clock starts.
  const connections = await Promise.all(slots.map(() => admin.connect()));
  const latencies: number[] = [];
  try {
    const started = performance.now();
    await Promise.all(
      slots.map(async (slot, i) => {
        const connection = connections[i] as pg.PoolClient;
        for (let k = 0; k < perSlot; k++) {
          const n = counters.get(slot) ?? 0;
          counters.set(slot, n + 1);
          const move = nthMove(slot, n);
          const t = performance.now();
          await connection.query(MOVE_SQL, [
            move.lead.pipelineId,
            move.statusId,
            move.position,
            move.lead.id,
          ]);
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { perSecond: (slots.length * perSlot) / seconds, latencies };
  } finally {
    for (const c of connections) c.release();
  }
}
