import { useCallback, useSyncExternalStore } from 'react';

// Whole seconds, so React sees the same snapshot for repeated reads within one second.
const currentSecond = (): number => Math.floor(Date.now() / 1000) * 1000;

/**
 * The current time (to the second) for countdowns and "synced 2 min ago": fresh on every
 * render, and a re-render every `intervalMs` even when nothing else changes.
 */
export function useNow(intervalMs: number): number {
  const subscribe = useCallback(
    (onTick: () => void) => {
      const timer = setInterval(onTick, intervalMs);
      return () => clearInterval(timer);
    },
    [intervalMs],
  );
  return useSyncExternalStore(subscribe, currentSecond);
}
