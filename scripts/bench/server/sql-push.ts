import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { BENCH_USERS, nthMove } from './bench-leads.ts';
import type { BenchSlot } from './bench-leads.ts';

// A second reference: the same one-mutation sync_push, called straight in SQL (role and claims
// set, one simple-protocol message per mutation, like the server sends) from one connection per
// client. No HTTP, no Node server: what the database alone allows for this mutation path, so
// the server's own overhead is server ÷ this, and this ÷ raw is what sync_push itself costs.

const counters = new WeakMap<BenchSlot, { clientId: string; n: number }>();

export async function timeSqlPushes(
  admin: pg.Pool,
  slots: BenchSlot[],
  perSlot: number,
): Promise<{ perSecond: number; latencies: number[] }> {
  const connections = await Promise.all(slots.map(() => admin.connect()));
  const latencies: number[] = [];
  try {
    const started = performance.now();
    await Promise.all(
      slots.map(async (slot, i) => {
        const connection = connections[i] as pg.PoolClient;
        const state = counters.get(slot) ?? { clientId: randomUUID(), n: 0 };
        counters.set(slot, state);
        const claims = JSON.stringify({ sub: BENCH_USERS[slot.user]?.id, role: 'authenticated' });
        for (let k = 0; k < perSlot; k++) {
          const move = nthMove(slot, state.n);
          state.n++;
          const mutations = JSON.stringify([
            {
              mutation_id: state.n,
              name: 'move_lead',
              args: {
                id: move.lead.id,
                pipeline_id: move.lead.pipelineId,
                status_id: move.statusId,
                position: move.position,
              },
            },
          ]);
          const t = performance.now();
          await connection.query(
            `select pg_catalog.set_config('role', 'authenticated', true),
                    pg_catalog.set_config('request.jwt.claims', ${pg.escapeLiteral(claims)}, true);
             select public.sync_push(${pg.escapeLiteral(state.clientId)}::uuid,
                                     ${pg.escapeLiteral(mutations)}::jsonb)`,
          );
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
