import type { IncomingMessage, ServerResponse } from 'node:http';

export type Logger = (line: string) => void;

/** One line per request once the response is done: method, path, status, duration. */
export function logRequest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  log: Logger,
): void {
  const started = performance.now();
  res.once('close', () => {
    const ms = Math.round(performance.now() - started);
    log(`${req.method ?? '?'} ${path} ${res.statusCode} ${ms}ms`);
  });
}
