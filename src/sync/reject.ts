import type { LocalDb } from './local-db.ts';
import type { MutationResult } from './sync-api.ts';

/**
 * Takes a mutation out of the queue because the server answered for it. Refusals are kept for
 * the UI. Returns the rows it had touched (they must be rebuilt). Inside a rw transaction over
 * outbox and rejected.
 */
export async function settleMutation(
  db: LocalDb,
  result: MutationResult,
  now: string,
): Promise<string[]> {
  const entry = await db.outbox.get(result.mutation_id);
  if (!entry) return [];
  await db.outbox.delete(result.mutation_id);
  if (result.status === 'rejected') {
    await db.rejected.put({
      mutation_id: entry.mutation_id,
      name: entry.name,
      args: entry.args,
      code: result.code ?? '',
      message: result.message ?? 'Refused by the server',
      rejected_at: now,
    });
  }
  return entry.touched;
}

/** The UI's "dismiss" on a refused change. */
export async function dismissRejected(db: LocalDb, mutationId: number): Promise<void> {
  await db.rejected.delete(mutationId);
}
