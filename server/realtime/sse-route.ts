import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChangeEvent, ChangeFeed } from './change-feed.ts';

const KEEP_ALIVE_MS = 25_000;

/**
 * GET /realtime/v1/local/changes as server-sent events. Each committed write sends
 * `event: change` with the counter as its id; a client reconnecting with an older Last-Event-ID
 * gets one change at once, so nothing that happened while it was away is missed.
 */
export function serveChanges(req: IncomingMessage, res: ServerResponse, feed: ChangeFeed): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  const send = (event: ChangeEvent): void => {
    res.write(`id: ${event.seq}\nevent: change\ndata: ${JSON.stringify({ seq: event.seq })}\n\n`);
  };
  res.write(`retry: 2000\n: connected\n\n`);
  res.write(`event: ready\ndata: ${JSON.stringify({ seq: feed.seq })}\n\n`);

  const lastSeen = Number(req.headers['last-event-id']);
  if (Number.isInteger(lastSeen) && lastSeen !== feed.seq) send({ seq: feed.seq });

  const unsubscribe = feed.subscribe(send);
  const keepAlive = setInterval(() => res.write(`: keep-alive\n\n`), KEEP_ALIVE_MS);
  keepAlive.unref();
  const stop = (): void => {
    clearInterval(keepAlive);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('error', stop);
}
