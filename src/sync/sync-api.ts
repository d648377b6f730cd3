import type { SupabaseClient } from '@supabase/supabase-js';
import type { ReplicaRows, ReplicaTable } from './types.ts';

// The two RPCs of the sync protocol (supabase/migrations/20250601000000_add_sync.sql), called
// through supabase-js so hosted Supabase and the local backend are reached the same way.

export interface PushMutation {
  mutation_id: number;
  name: string;
  args: unknown;
}

export interface MutationResult {
  mutation_id: number;
  status: 'applied' | 'rejected';
  code: string | null;
  message: string | null;
}

export interface PullPage {
  rows: { [T in ReplicaTable]?: ReplicaRows[T][] };
  tombstones: { table: ReplicaTable; id: string }[];
  /** This client's ledger rows whose effects are in this pull (last page only). */
  mutations: MutationResult[];
  has_more: boolean;
  page: unknown;
  next_cursor: string | null;
  progress: { done: number; total: number };
  /** The user's role changed: drop every replicated row and pull from the start. */
  reset: boolean;
}

/** A failed call. `status` 0 means the request never got an answer (offline, dropped). */
export class SyncRequestError extends Error {
  override readonly name = 'SyncRequestError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(message);
  }
  get offline(): boolean {
    return this.status === 0;
  }
  /**
   * The server could not read the request's data (invalid JSON, a NUL or lone surrogate that
   * jsonb refuses, a malformed field: SQLSTATE class 22). Resending the same body fails forever;
   * the push isolates the mutation that causes it instead.
   */
  get malformedPayload(): boolean {
    return this.status === 400 && (this.code === 'PGRST102' || (this.code ?? '').startsWith('22'));
  }
}

async function call<T>(
  supabase: SupabaseClient,
  fn: string,
  args: Record<string, unknown>,
): Promise<T> {
  let response;
  try {
    response = await supabase.rpc(fn, args);
  } catch (error) {
    // A custom fetch (or the platform) may throw instead of answering.
    throw new SyncRequestError(
      error instanceof Error ? error.message : String(error),
      0,
      undefined,
    );
  }
  if (response.error) {
    throw new SyncRequestError(response.error.message, response.status, response.error.code);
  }
  return response.data as T;
}

export async function pushMutations(
  supabase: SupabaseClient,
  clientId: string,
  mutations: PushMutation[],
): Promise<MutationResult[]> {
  const data = await call<{ results: MutationResult[] }>(supabase, 'sync_push', {
    client_id: clientId,
    mutations,
  });
  return data.results;
}

export function pullPage(
  supabase: SupabaseClient,
  args: { clientId: string; since: string | null; page: unknown; pageSize: number },
): Promise<PullPage> {
  return call<PullPage>(supabase, 'sync_pull', {
    client_id: args.clientId,
    since: args.since,
    page: args.page ?? null,
    page_size: args.pageSize,
  });
}
