import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP hop between client and backend that loses answers: for requests whose path
 * contains `dropMatching`, while `dropResponses` > 0, it forwards the request, reads the whole
 * response (the server has committed) and then cuts the client's connection without a byte.
 */
export class LossyProxy {
  dropResponses = 0;
  dropMatching = '/rest/v1/rpc/sync_push';
  dropped = 0;
  readonly #server = createServer((req, res) => {
    const upstream = request(
      new URL(req.url ?? '/', this.target),
      { method: req.method, headers: req.headers },
      (answer) => {
        if (this.dropResponses > 0 && (req.url ?? '').includes(this.dropMatching)) {
          this.dropResponses--;
          answer.resume();
          answer.on('end', () => {
            this.dropped++;
            req.socket.destroy();
          });
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });

  private constructor(readonly target: string) {}

  static async start(target: string): Promise<LossyProxy> {
    const proxy = new LossyProxy(target);
    await new Promise<void>((resolve) => proxy.#server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
