import { useSelectionStore } from '../store/selection-store.ts';

/**
 * One card's part in the selection, read per card so a toggle re-renders only the cards it
 * changes: whether it is selected, whether it rides along in another card's drag (faded), and,
 * for the drag clone, how many cards it carries.
 */
export function useCardSelected(leadId: string, isClone: boolean) {
  const selected = useSelectionStore((s) => s.ids.includes(leadId));
  const ghost = useSelectionStore(
    (s) => s.dragging !== null && s.dragging !== leadId && s.ids.includes(leadId),
  );
  const carried = useSelectionStore((s) => (isClone && s.dragging === leadId ? s.ids.length : 0));
  return { selected, ghost, carried };
}
