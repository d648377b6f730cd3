import type { ChangeSignal } from './change-signal.ts';

/** The part of EventSource the signal uses (tests inject their own). */
export interface EventSourceLike {
  addEventListener(type: string, listener: () => void): void;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

/**
 * The local backend's server-sent change events (GET /realtime/v1/local/changes). The anon key
 * goes in the URL because EventSource cannot send headers; it is a public key, never a user token.
 */
export function localSseSignal(
  backendUrl: string,
  anonKey: string,
  createEventSource: EventSourceFactory = (url) => new EventSource(url),
): ChangeSignal {
  return (onChange) => {
    const base = `${backendUrl.replace(/\/$/, '')}/realtime/v1/local/changes`;
    const source = createEventSource(`${base}?apikey=${encodeURIComponent(anonKey)}`);
    source.addEventListener('change', onChange);
    // `ready` arrives on every (re)connection: something may have changed while disconnected.
    source.addEventListener('ready', onChange);
    return () => source.close();
  };
}
