import { useEffect } from 'react';
import { useSelectionStore } from '../store/selection-store.ts';

/**
 * Escape clears the card selection, unless something else used it first: a keyboard drag
 * being cancelled, an open menu or dialog (those keep Escape for themselves).
 */
export function useSelectionKeys(onCleared: () => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      if (
        target?.closest(
          '[role="dialog"], [role="menu"], input:not([type="checkbox"]), textarea, select',
        )
      )
        return;
      const { ids, dragging, clear } = useSelectionStore.getState();
      if (ids.length === 0 || dragging !== null) return;
      clear();
      onCleared();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onCleared]);
}
