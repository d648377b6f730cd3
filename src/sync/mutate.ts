import type { LocalDb } from './local-db.ts';
import { META_KEYS, getClientId, replicaTables } from './local-db.ts';
import { trackLocalWrite } from './local-writes.ts';
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

/** One call for mutateMany: a mutation's name and its input. */
export type MutationCall = {
  [N in MutationName]: { name: N; input: MutationInput<N> };
}[MutationName];

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
  const [receipt] = await mutateMany(db, [{ name, input } as MutationCall]);
  if (!receipt) throw new Error(`${name} was not queued`);
  return receipt;
}

/**
 * Several mutations as one local step (a bulk move): all are validated first, then applied and
 * queued in ONE transaction, so either all of them are on disk or none is, and the outbox gains
 * them together (the engine's push sends them in one request). Each stays its own mutation with
 * its own id, so the server accepts or refuses each one by itself and a refusal rolls back only
 * that one (reject.ts).
 */
export function mutateMany(
  db: LocalDb,
  calls: readonly MutationCall[],
): Promise<MutationReceipt[]> {
  // Counted from the call (the board has already shown the change) until IndexedDB commits.
  return trackLocalWrite(() => validateAndStore(db, calls));
}

async function validateAndStore(
  db: LocalDb,
  calls: readonly MutationCall[],
): Promise<MutationReceipt[]> {
  const parsed = calls.map(({ name, input }) => {
    const result = mutationDef(name).args.safeParse(input);
    if (!result.success) {
      throw new MutationValidationError(name, MutationValidationError.messagesByPath(result.error));
    }
    return { name, def: mutationDef(name), data: result.data };
  });
  if (parsed.length === 0) return [];
  const clientId = await getClientId(db);
  return db.transaction('rw', mutationTables(db), async () => {
    const receipts: MutationReceipt[] = [];
    for (const { name, def, data } of parsed) {
      const w = createLocalWriter(db);
      const args = def.prepare ? await def.prepare(w, data) : data;
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
      receipts.push({ mutation_id: mutationId, args });
    }
    return receipts;
  });
}
