import { create } from 'zustand';

/** One bulk action as queued: which mutation was about which lead, to name refusals later. */
export type BulkBatch = {
  verb: 'move' | 'reassignment';
  /** Lead names by mutation id, for every mutation of the batch. */
  names: ReadonlyMap<number, string>;
  /** Refusals already reported (a later pull must not report them again). */
  reported: ReadonlySet<number>;
};

const MAX_BATCHES = 20;

type BulkLedgerState = {
  batches: BulkBatch[];
  remember: (verb: BulkBatch['verb'], names: ReadonlyMap<number, string>) => void;
  markReported: (batch: BulkBatch, mutationIds: readonly number[]) => void;
};

// In memory, like undo: after a reload the header's "Rejected changes" still lists refusals.
export const useBulkLedger = create<BulkLedgerState>()((set) => ({
  batches: [],
  remember: (verb, names) =>
    set((s) => ({
      batches: [...s.batches.slice(-(MAX_BATCHES - 1)), { verb, names, reported: new Set() }],
    })),
  markReported: (batch, mutationIds) =>
    set((s) => ({
      batches: s.batches.map((b) =>
        b === batch ? { ...b, reported: new Set([...b.reported, ...mutationIds]) } : b,
      ),
    })),
}));
