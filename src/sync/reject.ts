import { getByKeys } from './key-range.ts';
import type { LocalDb } from './local-db.ts';
import type { MutationResult } from './sync-api.ts';
import type { RejectedMutation } from './types.ts';

/**
 * Takes mutations out of the queue because the server answered for them, in bulk (a pull may
 * confirm 1,000 at once). Refusals are kept for the UI. Returns the rows they had touched (they
 * must be rebuilt). Inside a rw transaction over outbox and rejected.
 */
export async function settleMutations(
  db: LocalDb,
  results: readonly MutationResult[],
  now: string,
): Promise<string[]> {
  if (results.length === 0) return [];
  const entries = await getByKeys(
    db.outbox,
    results.map((r) => r.mutation_id),
  );
  const touched: string[] = [];
  const done: number[] = [];
  const refused: RejectedMutation[] = [];
  results.forEach((result, i) => {
    const entry = entries[i];
    if (!entry) return;
    done.push(entry.mutation_id);
    touched.push(...entry.touched);
    if (result.status === 'rejected') {
      refused.push({
        mutation_id: entry.mutation_id,
        name: entry.name,
        args: entry.args,
        code: result.code ?? '',
        message: result.message ?? 'Refused by the server',
        rejected_at: now,
      });
    }
  });
  await db.outbox.bulkDelete(done);
  if (refused.length > 0) await db.rejected.bulkPut(refused);
  return touched;
}

/** The UI's "dismiss" on a refused change. */
export async function dismissRejected(db: LocalDb, mutationId: number): Promise<void> {
  await db.rejected.delete(mutationId);
}
