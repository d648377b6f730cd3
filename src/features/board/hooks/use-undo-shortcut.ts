import { useEffect, useRef } from 'react';

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * Ctrl+Z (Cmd+Z on a Mac) anywhere on the board undoes the last move, except while typing, where
 * the browser's own text undo must keep working.
 */
export function useUndoShortcut(onUndo: () => void): void {
  const handler = useRef(onUndo);
  useEffect(() => {
    handler.current = onUndo;
  }, [onUndo]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key.toLowerCase() !== 'z' || event.shiftKey || event.altKey) return;
      if (!(event.ctrlKey || event.metaKey) || isTextEntry(event.target)) return;
      event.preventDefault();
      handler.current();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
