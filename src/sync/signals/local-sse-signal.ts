import type { ChangeSignal } from './change-signal.ts';

/** The part of EventSource the signal uses (tests inject their own). */
export interface EventSourceLike {
  addEventListener(type: string, listener: () => void): void;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

/** The local backend's server-sent change events (GET /realtime/v1/local/changes). */
export function localSseSignal(
  backendUrl: string,
  createEventSource: EventSourceFactory = (url) => new EventSource(url),
): ChangeSignal {
  return (onChange) => {
    const source = createEventSource(`${backendUrl.replace(/\/$/, '')}/realtime/v1/local/changes`);
    source.addEventListener('change', onChange);
    // `ready` arrives on every (re)connection: something may have changed while disconnected.
    source.addEventListener('ready', onChange);
    return () => source.close();
  };
}
