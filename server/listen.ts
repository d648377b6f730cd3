import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ownOrigins } from './http/origin-policy.ts';
import type { Backend } from './start-backend.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the backend's handler on its own (no Vite); port 0 picks a free port (tests). */
export async function listen(
  backend: Backend,
  port: number,
  host = '127.0.0.1',
): Promise<RunningServer> {
  const server = createServer((req, res) =>
    backend.handler(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(
        'Not found: the local backend serves /rest/v1, /auth/v1/local and /realtime/v1/local\n',
      );
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
  backend.origins.allow(...ownOrigins(url));
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // open event streams would otherwise hold close() forever
        server.close(() => resolve());
      }),
  };
}
