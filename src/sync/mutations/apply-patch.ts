import type { ReplicaRows, ReplicaTable } from '../types.ts';
import type { LocalWriter } from './local-writer.ts';

/**
 * The local half of a field-level update: only the fields present in the patch change (plus
 * updated_at), as the server's `case when patch ? 'col'` does. Absent fields are skipped rather
 * than written as undefined, which Dexie would take as "remove this column".
 */
export async function applyPatch<
  T extends Exclude<ReplicaTable, 'profiles' | 'lead_status_history'>,
>(
  w: LocalWriter,
  table: T,
  id: string,
  // zod's partial() types a left-out field as `?: X | undefined`.
  patch: { [K in keyof ReplicaRows[T]]?: ReplicaRows[T][K] | undefined },
): Promise<void> {
  const present = Object.entries(patch).filter(([, v]) => v !== undefined);
  const changes = Object.fromEntries([...present, ['updated_at', w.now]]) as Partial<
    ReplicaRows[T]
  >;
  await w.patch(table, id, changes);
}
