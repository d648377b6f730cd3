import { useEffect } from 'react';
import { localWritesInFlight } from '../sync/local-writes.ts';

/**
 * Closing or reloading the tab in the few milliseconds between a change being shown and it being
 * stored would lose it: the browser is asked to confirm leaving while a local write is running
 * (its own "Leave site?" prompt; the text is the browser's). Once stored, nothing is asked:
 * queued changes survive the reload and sync later.
 */
export function useUnsavedWritesGuard(target: Window = window): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (localWritesInFlight() === 0) return;
      event.preventDefault();
      // Older Chromium versions still need returnValue set to show the prompt.
      event.returnValue = true;
    };
    target.addEventListener('beforeunload', onBeforeUnload);
    return () => target.removeEventListener('beforeunload', onBeforeUnload);
  }, [target]);
}
