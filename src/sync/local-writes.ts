// Local writes this tab has started and IndexedDB has not yet committed. The board shows a move
// in the same frame it is made (board-model) and stores it a few milliseconds later (mutate);
// in between, the change exists only in memory. Knowing that lets the sync line say "Saving…"
// instead of "All changes saved", and lets the page ask before it is closed on a change.

let inFlight = 0;
const listeners = new Set<() => void>();

function changed(by: number): void {
  inFlight += by;
  for (const listener of listeners) listener();
}

/** How many local writes are running (started, not yet committed or failed). */
export function localWritesInFlight(): number {
  return inFlight;
}

export function subscribeLocalWrites(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Counts `write` as in flight from now until it settles. */
export async function trackLocalWrite<T>(write: () => Promise<T>): Promise<T> {
  changed(1);
  try {
    return await write();
  } finally {
    changed(-1);
  }
}
