import { create } from 'zustand';

/** Where a lead was before a move, so Ctrl/Cmd+Z can move it back (as a new mutation). */
export type MoveRecord = {
  leadId: string;
  leadName: string;
  pipelineId: string;
  fromStatusId: string;
  fromPosition: string;
  /** When the lead had entered `fromStatusId`, so undo restores its time in status too. */
  fromStatusSince: string;
  /** The lost reason it had there (undo back into a lost stage keeps it). */
  fromLostReason: string | null;
  toStatusId: string;
};

/** Who a lead was assigned to before a (bulk) reassignment. */
export type ReassignRecord = {
  leadId: string;
  leadName: string;
  fromAssignee: string | null;
  toAssignee: string | null;
};

/** What one Ctrl/Cmd+Z undoes: one move, or every lead of one bulk move or reassignment. */
export type UndoStep = {
  moves: readonly MoveRecord[];
  reassigns: readonly ReassignRecord[];
};

const MAX_UNDO = 50;

type UndoState = {
  steps: UndoStep[];
  push: (step: UndoStep) => void;
  pop: () => UndoStep | undefined;
  clear: () => void;
};

// In memory on purpose: an undo history that outlives the page would surprise more than help.
export const useUndoStore = create<UndoState>()((set, get) => ({
  steps: [],
  push: (step) => set((s) => ({ steps: [...s.steps.slice(-(MAX_UNDO - 1)), step] })),
  pop: () => {
    const last = get().steps.at(-1);
    if (last) set((s) => ({ steps: s.steps.slice(0, -1) }));
    return last;
  },
  clear: () => set({ steps: [] }),
}));
