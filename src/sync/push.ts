import type { SupabaseClient } from '@supabase/supabase-js';
import type { LocalDb } from './local-db.ts';
import { getClientId } from './local-db.ts';
import { rebase, rebaseTables } from './rebase.ts';
import { settleMutations } from './reject.ts';
import { pushMutations, SyncRequestError } from './sync-api.ts';
import type { MutationResult, PushMutation } from './sync-api.ts';
import type { OutboxEntry } from './types.ts';

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
 *
 * Batches go out strictly one after another (the server applies them in the order sent), but
 * the device's work around them overlaps the wire: the next batch is read while one is being
 * answered, and a batch's answers are recorded while the next batch is on its way.
 */
export async function pushPending(
  db: LocalDb,
  supabase: SupabaseClient,
  batchSize = PUSH_BATCH_SIZE,
): Promise<PushOutcome> {
  const clientId = await getClientId(db);
  const outcome: PushOutcome = { applied: 0, rejected: 0 };
  const send = (batch: OutboxEntry[]) => {
    const request = pushIsolating(
      supabase,
      clientId,
      batch.map((e) => ({ mutation_id: e.mutation_id, name: e.name, args: e.args })),
    );
    // Awaited below; until then, a failure must not count as unhandled.
    request.catch(() => undefined);
    return request;
  };
  let batch = await db.outbox.where('state').equals('pending').limit(batchSize).toArray();
  let sending = batch.length > 0 ? send(batch) : null;
  while (sending) {
    const following = laterUnsent(db, batch, batchSize);
    following.catch(() => undefined);
    const results = await sending;
    const next = await following;
    sending = next.length > 0 ? send(next) : null;
    await recordResults(db, batch, results, outcome);
    batch = next;
  }
  return outcome;
}

/**
 * The unsent mutations after `batch` (new ones get higher ids; nothing goes back to unsent), in
 * order, read by id from where the batch ends rather than from the start of the queue.
 */
function laterUnsent(
  db: LocalDb,
  batch: readonly OutboxEntry[],
  batchSize: number,
): Promise<OutboxEntry[]> {
  const last = batch[batch.length - 1]?.mutation_id ?? 0;
  return db.outbox
    .where(':id')
    .above(last)
    .filter((e) => e.state === 'pending')
    .limit(batchSize)
    .toArray();
}

/** One batch's answers, in one transaction: refusals rolled back, the rest marked applied. */
async function recordResults(
  db: LocalDb,
  batch: readonly OutboxEntry[],
  results: readonly MutationResult[],
  outcome: PushOutcome,
): Promise<void> {
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
  // A server that answers for none of them is broken: stop (they stay unsent) rather than go on.
  if (answered === 0) throw new Error('sync_push answered for none of the mutations sent');
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
