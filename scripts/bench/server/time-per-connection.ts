import type pg from 'pg';
import type { BenchSlot } from './bench-leads.ts';

/** The next request of `slot`: built untimed, then sent (and timed) on the slot's connection. */
export type NextRequest = (slot: BenchSlot) => (connection: pg.PoolClient) => Promise<unknown>;

/**
 * Sends `perSlot` requests per slot, each slot on its own connection (checked out before the
 * clock starts), the slots side by side: the throughput of the whole run and every latency.
 */
export async function timePerConnection(
  admin: pg.Pool,
  slots: BenchSlot[],
  perSlot: number,
  next: NextRequest,
): Promise<{ perSecond: number; latencies: number[] }> {
  const connections = await Promise.all(slots.map(() => admin.connect()));
  const latencies: number[] = [];
  try {
    const started = performance.now();
    await Promise.all(
      slots.map(async (slot, i) => {
        const connection = connections[i] as pg.PoolClient;
        for (let k = 0; k < perSlot; k++) {
          const send = next(slot);
          const t = performance.now();
          await send(connection);
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
