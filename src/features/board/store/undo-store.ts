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

const MAX_UNDO = 50;

type UndoState = {
  moves: MoveRecord[];
  push: (move: MoveRecord) => void;
  pop: () => MoveRecord | undefined;
  clear: () => void;
};

// In memory on purpose: an undo history that outlives the page would surprise more than help.
export const useUndoStore = create<UndoState>()((set, get) => ({
  moves: [],
  push: (move) => set((s) => ({ moves: [...s.moves.slice(-(MAX_UNDO - 1)), move] })),
  pop: () => {
    const last = get().moves.at(-1);
    if (last) set((s) => ({ moves: s.moves.slice(0, -1) }));
    return last;
  },
  clear: () => set({ moves: [] }),
}));
