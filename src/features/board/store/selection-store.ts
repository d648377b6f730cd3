import { create } from 'zustand';
import {
  EMPTY_SELECTION,
  keepShown,
  selectRange,
  toggleCard,
  type CardSelection,
} from '../lib/card-selection.ts';

type SelectionState = CardSelection & {
  /** The selected card being dragged: the others ride along (shown faded, a count on it). */
  dragging: string | null;
  toggle: (id: string) => void;
  /** Adds the range from the anchor to `id`; `column` is the card's column as displayed. */
  range: (id: string, column: readonly string[]) => void;
  clear: () => void;
  keepShown: (shown: Pick<ReadonlySet<string>, 'has'>) => void;
  setDragging: (id: string | null) => void;
};

// UI state only (conventions: zustand for UI state): which cards a bulk action would take.
export const useSelectionStore = create<SelectionState>()((set) => ({
  ...EMPTY_SELECTION,
  dragging: null,
  toggle: (id) => set((s) => toggleCard(s, id)),
  range: (id, column) => set((s) => selectRange(s, id, column)),
  clear: () => set({ ...EMPTY_SELECTION, dragging: null }),
  keepShown: (shown) =>
    set((s) => {
      const next = keepShown(s, shown);
      return next === s ? s : next;
    }),
  setDragging: (id) => set({ dragging: id }),
}));
