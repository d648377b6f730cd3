import type { SupabaseClient } from '@supabase/supabase-js';
import type { LocalDb } from './local-db.ts';
import { getClientId } from './local-db.ts';
import { rebase, rebaseTables } from './rebase.ts';
import { settleMutations } from './reject.ts';
import { pushMutations, SyncRequestError } from './sync-api.ts';
import type { MutationResult, PushMutation } from './sync-api.ts';

/** Mutations per sync_push request: a 1,000-move offline session goes out in four requests. */
export const PUSH_BATCH_SIZE = 300;

export interface PushOutcome {
  applied: number;
  rejected: number;
}

/**
 * Sends every queued mutation, oldest first, in batches. A refused one is rolled back locally
 * and recorded at once; an applied one stops being sent but stays queued (still shown) until a
 * pull brings its effect, so the card never jumps back in between. Throws SyncRequestError when
 * the call fails: nothing is lost, the next attempt resends the same mutations and the server's
 * ledger answers those it already applied.
 */
export async function pushPending(
  db: LocalDb,
  supabase: SupabaseClient,
  batchSize = PUSH_BATCH_SIZE,
): Promise<PushOutcome> {
  const clientId = await getClientId(db);
  const outcome: PushOutcome = { applied: 0, rejected: 0 };
  for (;;) {
    const batch = await db.outbox.where('state').equals('pending').limit(batchSize).toArray();
    if (batch.length === 0) return outcome;
    batch.sort((a, b) => a.mutation_id - b.mutation_id);
    const results = await pushIsolating(
      supabase,
      clientId,
      batch.map((e) => ({ mutation_id: e.mutation_id, name: e.name, args: e.args })),
    );
    const now = new Date().toISOString();
    let answered = 0;
    const sent = new Set(batch.map((e) => e.mutation_id));
    await db.transaction('rw', rebaseTables(db), async () => {
      const refused: MutationResult[] = [];
      const applied: number[] = [];
      for (const result of results) {
        if (!sent.delete(result.mutation_id)) continue;
        answered++;
        if (result.status === 'applied') applied.push(result.mutation_id);
        else refused.push(result);
      }
      const settled = await settleMutations(db, refused, now);
      outcome.rejected += refused.length;
      await db.outbox.bulkUpdate(
        applied.map((key) => ({ key, changes: { state: 'applied' as const } })),
      );
      outcome.applied += applied.length;
      await rebase(db, [], settled);
    });
    // A server that answers for none of them would make this loop forever.
    if (answered === 0) throw new Error('sync_push answered for none of the mutations sent');
  }
}

/**
 * One batch's results. When the server cannot read the batch at all (400, malformed payload),
 * halves are sent in order until the culprit is alone; it is then refused like any other
 * refusal and the rest apply. Resending is safe: the failed request committed nothing, and
 * the ledger answers any mutation already applied.
 */
async function pushIsolating(
  supabase: SupabaseClient,
  clientId: string,
  batch: PushMutation[],
): Promise<MutationResult[]> {
  try {
    return await pushMutations(supabase, clientId, batch);
  } catch (error) {
    if (!(error instanceof SyncRequestError) || !error.malformedPayload) throw error;
    const [only] = batch;
    if (batch.length === 1 && only !== undefined) {
      return [
        {
          mutation_id: only.mutation_id,
          status: 'rejected',
          code: error.code ?? null,
          message: `The server could not read this change: ${error.message}`,
        },
      ];
    }
    const half = Math.ceil(batch.length / 2);
    const first = await pushIsolating(supabase, clientId, batch.slice(0, half));
    return [...first, ...(await pushIsolating(supabase, clientId, batch.slice(half)))];
  }
}
