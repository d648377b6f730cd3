import type * as z from 'zod/mini';
import type { LocalWriter } from './local-writer.ts';

/**
 * One named mutation. The SQL function `sync_mutations.<name>(args jsonb)` is its server twin
 * (supabase/migrations/20250601000000_add_sync.sql).
 *
 * - `group` says which screen reports its refusals (derived lists, never hand-kept ones).
 * - `args` validates and normalises the input (trimmed names, blank → null …).
 * - `prepare` fills in what the device decides once (e.g. a position at the end of a column),
 *   so the stored args replay to the same result.
 * - `check` refuses a change the local state already shows is wrong (duplicate status name,
 *   deleting a pipeline that still has leads …). It runs only when the user makes the change,
 *   never on replay: by then the server decides.
 * - `applyLocal` writes the effect. It must be tolerant (a missing row is a no-op) because it is
 *   replayed over freshly pulled rows.
 */
/** What a mutation is about: the board shows refusals of `leads`, pipeline settings the rest. */
export type MutationGroup = 'leads' | 'pipelines';

/** `P`: the stored args, after `prepare` (e.g. a create_lead always has its position by then). */
export interface MutationDef<
  S extends z.ZodMiniType = z.ZodMiniType,
  P extends z.output<S> = z.output<S>,
> {
  readonly name: string;
  readonly group: MutationGroup;
  readonly args: S;
  prepare?(w: LocalWriter, args: z.output<S>): Promise<P>;
  check?(w: LocalWriter, args: P): Promise<void>;
  applyLocal(w: LocalWriter, args: P): Promise<void>;
}

export function defineMutation<S extends z.ZodMiniType, P extends z.output<S> = z.output<S>>(
  def: MutationDef<S, P>,
): MutationDef<S, P> {
  return def;
}
