import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import type { SupabaseClientOptions } from '@supabase/supabase-js';
import ws from 'ws';
import { BENCH_USERS, nthMove } from './bench-leads.ts';
import type { BenchLead, BenchSlot } from './bench-leads.ts';

// One real supabase-js client per bench client, signed in through the local backend, each with
// its own sync client id, sending one move_lead per sync_push exactly as the app's push does.

export interface RpcClient {
  clientId: string;
  leads: BenchLead[];
  sent: number;
  notApplied: number;
  statusChanges: number;
  lastMove: Map<string, { status_id: string; position: string }>;
  /** Sends the next move and resolves with its latency in ms. */
  moveNext(): Promise<number>;
}

// `ws` lacks the index signature realtime-js declares; Node 20 needs a transport to construct
// the client at all (the bench never opens a channel).
type RealtimeTransport = NonNullable<
  NonNullable<SupabaseClientOptions<'public'>['realtime']>['transport']
>;

interface PushReply {
  results: { mutation_id: number; status: string; code: string | null }[];
}

export async function makeRpcClients(
  url: string,
  anonKey: string,
  slots: BenchSlot[],
): Promise<RpcClient[]> {
  const tokens = await Promise.all(BENCH_USERS.map((u) => signIn(url, u.email)));
  return slots.map((slot) => {
    const token = tokens[slot.user] ?? '';
    const supabase = createClient(url, anonKey, {
      accessToken: () => Promise.resolve(token),
      realtime: { transport: ws as unknown as RealtimeTransport },
    });
    const client: RpcClient = {
      clientId: randomUUID(),
      leads: slot.leads,
      sent: 0,
      notApplied: 0,
      statusChanges: 0,
      lastMove: new Map(),
      async moveNext() {
        const n = client.sent;
        const move = nthMove(slot, n);
        const mutation = {
          mutation_id: n + 1,
          name: 'move_lead',
          args: {
            id: move.lead.id,
            pipeline_id: move.lead.pipelineId,
            status_id: move.statusId,
            position: move.position,
          },
        };
        const started = performance.now();
        const reply: { data: unknown; error: { code: string; message: string } | null } =
          await supabase.rpc('sync_push', {
            client_id: client.clientId,
            mutations: [mutation],
          });
        const elapsed = performance.now() - started;
        const { data, error } = reply;
        if (error) throw new Error(`sync_push failed: ${error.code} ${error.message}`);
        client.sent++;
        const result = (data as PushReply).results[0];
        if (result?.status !== 'applied' || result.mutation_id !== n + 1) client.notApplied++;
        client.statusChanges++;
        client.lastMove.set(move.lead.id, { status_id: move.statusId, position: move.position });
        return elapsed;
      },
    };
    return client;
  });
}

async function signIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/auth/v1/local/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}
