import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { sqlLiteral } from '../../../server/db/sql-literal.ts';
import { BENCH_USERS, nthMove } from './bench-leads.ts';
import type { BenchSlot } from './bench-leads.ts';
import { timePerConnection } from './time-per-connection.ts';

// A second reference: the same one-mutation sync_push, called straight in SQL (role and claims
// set, one simple-protocol message per mutation, like the server sends) from one connection per
// client. No HTTP, no Node server: what the database alone allows for this mutation path, so
// the server's own overhead is server ÷ this, and this ÷ raw is what sync_push itself costs.

const counters = new WeakMap<BenchSlot, { clientId: string; n: number }>();

export function timeSqlPushes(
  admin: pg.Pool,
  slots: BenchSlot[],
  perSlot: number,
): Promise<{ perSecond: number; latencies: number[] }> {
  return timePerConnection(admin, slots, perSlot, (slot) => {
    const state = counters.get(slot) ?? { clientId: randomUUID(), n: 0 };
    counters.set(slot, state);
    const claims = JSON.stringify({ sub: BENCH_USERS[slot.user]?.id, role: 'authenticated' });
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
    const sql = `select pg_catalog.set_config('role', 'authenticated', true),
                    pg_catalog.set_config('request.jwt.claims', ${sqlLiteral(claims)}, true);
             select public.sync_push(${sqlLiteral(state.clientId)}::uuid,
                                     ${sqlLiteral(mutations)}::jsonb)`;
    return (connection) => connection.query(sql);
  });
}
