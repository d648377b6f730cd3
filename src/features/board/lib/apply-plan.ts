import type { BoardModel } from '../../../sync/board-model/board-model.ts';
import type { LocalDb } from '../../../sync/local-db.ts';
import { mutateMany, type MutationReceipt } from '../../../sync/mutate.ts';
import type { BulkPlan } from './bulk-moves.ts';

/**
 * Shows a plan's leads at once through the board model (the same optimistic path as a single
 * drop, so the drag library sees the drop rendered in the same frame), then queues its
 * mutations together. Whether the write lands or throws, the model then shows the stored rows.
 */
export async function applyPlan(
  db: LocalDb,
  model: BoardModel | null,
  plan: Pick<BulkPlan, 'shown' | 'calls'>,
): Promise<MutationReceipt[]> {
  const settles = model ? plan.shown.map((lead) => model.applyOptimistic(lead)) : [];
  try {
    return await mutateMany(db, plan.calls);
  } finally {
    for (const settle of settles) settle();
  }
}
