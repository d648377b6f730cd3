import { randomUUID } from 'node:crypto';
import type pg from 'pg';

// Leads for the bench: each client (or raw connection) gets its own few leads in the default
// pipeline, owned by one of the demo agents/manager in turn, so requests never wait on each
// other's row locks (the figure is the server's overhead, not lock contention).

export const LEADS_PER_CLIENT = 4;

export const BENCH_USERS = [
  { id: '0a0a0a0a-0000-4000-8000-000000000001', email: 'ana.agent@leadlanes.test' },
  { id: '0b0b0b0b-0000-4000-8000-000000000002', email: 'ben.agent@leadlanes.test' },
  { id: '0c0c0c0c-0000-4000-8000-000000000003', email: 'maya.manager@leadlanes.test' },
] as const;

export interface BenchLead {
  id: string;
  pipelineId: string;
}

export interface BenchSlot {
  /** Index into BENCH_USERS. */
  user: number;
  leads: BenchLead[];
  /** The pipeline's statuses, in order: moves cycle through them. */
  statuses: string[];
}

export async function seedBenchLeads(
  admin: pg.Pool,
  clients: number,
  label: string,
): Promise<BenchSlot[]> {
  const { rows } = await admin.query<{ pipeline_id: string; id: string }>(
    `select s.pipeline_id, s.id from public.pipeline_statuses s
       join public.pipelines p on p.id = s.pipeline_id
      where p.is_default order by s.display_order`,
  );
  const pipelineId = rows[0]?.pipeline_id;
  const statuses = rows.map((r) => r.id);
  if (pipelineId === undefined || statuses.length < 2) {
    throw new Error('the default pipeline needs two statuses');
  }
  const slots: BenchSlot[] = [];
  for (let c = 0; c < clients; c++) {
    const user = c % BENCH_USERS.length;
    const leads = Array.from({ length: LEADS_PER_CLIENT }, () => ({
      id: randomUUID(),
      pipelineId,
    }));
    slots.push({ user, leads, statuses });
  }
  const all = slots.flatMap((s, c) =>
    s.leads.map((l, i) => [l.id, `Bench ${label} ${c}.${i}`, BENCH_USERS[s.user]?.id ?? null]),
  );
  await admin.query(
    `insert into public.leads (id, full_name, assigned_to, pipeline_id, status_id)
     select (x ->> 0)::uuid, x ->> 1, (x ->> 2)::uuid, $2, $3
       from jsonb_array_elements($1::jsonb) x`,
    [JSON.stringify(all), pipelineId, statuses[0]],
  );
  return slots;
}

/** The n-th move of a slot: which lead, to which status, at which position. */
export function nthMove(
  slot: BenchSlot,
  n: number,
): { lead: BenchLead; statusId: string; position: string } {
  const lead = slot.leads[n % slot.leads.length] as BenchLead;
  const round = Math.floor(n / slot.leads.length);
  // Every move changes the status (one history row each), so history counts prove exactly-once.
  const statusId = slot.statuses[(round + 1) % slot.statuses.length] as string;
  return { lead, statusId, position: `a${n.toString(36)}` };
}
