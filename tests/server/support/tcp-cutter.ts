import { createConnection, createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A TCP hop in front of PostgreSQL that can lose connections the way a restart or a failover
 * does, deterministically: `cutSilently()` ends every current session at the server, while the
 * client side is left looking alive; the client only finds out when it next sends something
 * (which is not forwarded: the connection is closed without a byte). New connections go
 * through as usual.
 */
export class TcpCutter {
  readonly #pairs = new Set<{ client: Socket; server: Socket }>();
  readonly #server = createServer((client) => {
    const server = createConnection({ host: this.host, port: this.port });
    const pair = { client, server };
    this.#pairs.add(pair);
    client.pipe(server);
    server.pipe(client);
    const forget = (): void => {
      this.#pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on('error', forget).on('close', forget);
    server.on('error', forget).on('close', forget);
  });

  private constructor(
    readonly host: string,
    readonly port: number,
  ) {}

  static async start(databaseUrl: string): Promise<TcpCutter> {
    const url = new URL(databaseUrl);
    const cutter = new TcpCutter(url.hostname, Number(url.port || 5432));
    await new Promise<void>((resolve) => cutter.#server.listen(0, '127.0.0.1', resolve));
    return cutter;
  }

  /** `databaseUrl` with its host and port replaced by this hop's. */
  urlFor(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String((this.#server.address() as AddressInfo).port);
    return url.toString();
  }

  get openConnections(): number {
    return this.#pairs.size;
  }

  /** Ends every current session server-side; each client learns of it only on its next write. */
  cutSilently(): number {
    const cut = [...this.#pairs];
    for (const pair of cut) {
      this.#pairs.delete(pair);
      const { client, server } = pair;
      client.unpipe(server);
      server.unpipe(client);
      server.removeAllListeners('close').removeAllListeners('error');
      server.on('error', () => undefined);
      server.destroy();
      client.removeAllListeners('data');
      // unpipe() paused it; flowing again, so its next write is seen (and answered by a close).
      client.once('data', () => client.destroy()).resume();
    }
    return cut.length;
  }

  close(): Promise<void> {
    for (const { client, server } of this.#pairs) {
      client.destroy();
      server.destroy();
    }
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
