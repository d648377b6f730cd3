import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import {
  createBoardModel,
  type BoardModel,
  type BoardSnapshot,
} from '../../../sync/board-model/board-model.ts';
import type { LocalDb } from '../../../sync/local-db.ts';

const noSubscription = () => () => undefined;

/**
 * The selected pipeline's in-memory board model (src/sync/board-model) and its latest
 * snapshot. One model per pipeline: it loads once and is patched from change events after.
 */
export function useBoardModel(
  db: LocalDb,
  pipelineId: string | null,
): { model: BoardModel | null; snapshot: BoardSnapshot | null } {
  const model = useMemo(
    () => (pipelineId === null ? null : createBoardModel(db, pipelineId)),
    [db, pipelineId],
  );
  useEffect(() => model?.start(), [model]);
  const subscribe = useCallback(
    (listener: () => void) => (model ? model.subscribe(listener) : noSubscription()),
    [model],
  );
  const snapshot = useSyncExternalStore(subscribe, () => model?.getSnapshot() ?? null);
  return { model, snapshot };
}
