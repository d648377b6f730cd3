import type { LocalDb } from './local-db.ts';
import { META_KEYS, getClientId, replicaTables } from './local-db.ts';
import { createLocalWriter } from './mutations/local-writer.ts';
import type { MutationInput, MutationName } from './mutations/registry.ts';
import { mutationDef } from './mutations/registry.ts';
import { MutationValidationError } from './validation-error.ts';

export interface MutationReceipt {
  mutation_id: number;
  /** The stored, normalised args (e.g. with the position the device chose). */
  args: unknown;
}

/** The tables a mutation transaction locks: every replicated table, base, the outbox and meta. */
export function mutationTables(db: LocalDb) {
  return [...replicaTables(db), db.base, db.lead_aggregates, db.outbox, db.meta];
}

/**
 * Validates, applies to the local tables and appends to the outbox in ONE Dexie transaction:
 * once this resolves the change is on disk and will reach the server; if it throws, nothing was
 * written. Throws MutationValidationError (with messages per field) for bad input or a change the
 * local state already shows is impossible.
 */
export async function mutate<N extends MutationName>(
  db: LocalDb,
  name: N,
  input: MutationInput<N>,
): Promise<MutationReceipt> {
  const def = mutationDef(name);
  const parsed = def.args.safeParse(input);
  if (!parsed.success) {
    throw new MutationValidationError(name, MutationValidationError.messagesByPath(parsed.error));
  }
  const clientId = await getClientId(db);
  return db.transaction('rw', mutationTables(db), async () => {
    const w = createLocalWriter(db);
    const args = def.prepare ? await def.prepare(w, parsed.data) : parsed.data;
    if (def.check) await def.check(w, args);
    await def.applyLocal(w, args);
    const next = await db.meta.get(META_KEYS.nextMutationId);
    const mutationId = typeof next?.value === 'number' ? next.value : 1;
    await db.meta.put({ key: META_KEYS.nextMutationId, value: mutationId + 1 });
    await db.outbox.add({
      mutation_id: mutationId,
      client_id: clientId,
      name,
      args,
      created_at: w.now,
      state: 'pending',
      touched: [...w.touched],
    });
    return { mutation_id: mutationId, args };
  });
}
