import { liveQuery, type Subscription } from 'dexie';
import type { LocalDb } from './local-db.ts';
import { pendingRowIds } from './pending.ts';

/**
 * Which rows have queued changes, followed row by row: a card asks about its own lead, and a
 * change (a local write queues one, a push's confirmation settles many) reaches only the rows
 * whose state it changed. Handing every card the whole set instead made each local write
 * re-render every card on the board, twice (queued, then confirmed).
 */
export interface PendingRows {
  has(id: string): boolean;
  /** Calls `listener` whenever row `id` gains or loses queued changes. */
  subscribe(id: string, listener: () => void): () => void;
}

/** For a card drawn outside the board page, which provides the real ones (component tests). */
export const NO_PENDING_ROWS: PendingRows = {
  has: () => false,
  subscribe: () => () => undefined,
};

/**
 * The rows of `db` with queued changes. Creating it reads nothing; the live query (every tab's
 * writes, through Dexie's change events) runs while at least one row is watched.
 */
export function pendingRowsOf(db: LocalDb): PendingRows {
  // The last set read: kept while nothing is watched, so a card mounted again (scrolled back
  // into the window) starts from it until the query answers again.
  let current: ReadonlySet<string> = new Set();
  const listeners = new Map<string, Set<() => void>>();
  let watching = 0;
  let subscription: Subscription | null = null;

  const update = (next: ReadonlySet<string>) => {
    const before = current;
    current = next;
    // Only watched rows (the cards on screen) are compared, whatever the size of the queue.
    for (const [id, forRow] of listeners) {
      if (before.has(id) === next.has(id)) continue;
      for (const listener of forRow) listener();
    }
  };

  return {
    has: (id) => current.has(id),
    subscribe(id, listener) {
      const forRow = listeners.get(id) ?? new Set();
      forRow.add(listener);
      listeners.set(id, forRow);
      watching++;
      subscription ??= liveQuery(() => pendingRowIds(db)).subscribe({
        next: update,
        // A closed store (sign-out) or a failed read: the markers keep their last state, which
        // the next successful read corrects; nothing the user did is at stake.
        error: () => undefined,
      });
      return () => {
        forRow.delete(listener);
        if (forRow.size === 0) listeners.delete(id);
        watching--;
        if (watching === 0) {
          subscription?.unsubscribe();
          subscription = null;
        }
      };
    },
  };
}
