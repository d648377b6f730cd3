import type { EventSourceLike } from '../../../src/sync/signals/local-sse-signal.ts';

/**
 * Just enough of EventSource for Node 20 (which has none): reads the server-sent event stream
 * with fetch and dispatches events by name. No reconnection; the tests do not need it.
 */
export function nodeEventSource(url: string): EventSourceLike {
  const listeners = new Map<string, (() => void)[]>();
  const abort = new AbortController();
  void (async () => {
    try {
      const response = await fetch(url, {
        signal: abort.signal,
        headers: { Accept: 'text/event-stream' },
      });
      if (!response.body) return;
      const decoder = new TextDecoder();
      let buffer = '';
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.+)$/m.exec(block)?.[1];
          if (name) for (const listener of listeners.get(name) ?? []) listener();
        }
      }
    } catch {
      // Closed by the test (abort) or the server stopped.
    }
  })();
  return {
    addEventListener(type, listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    close() {
      abort.abort();
    },
  };
}
