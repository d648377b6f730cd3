import { connect } from 'node:net';

/**
 * Sends bytes exactly as given (fetch and node:http would normalise or refuse a malformed
 * request target) and resolves with the status line's code, or 0 when the server closed the
 * connection without answering.
 */
export function rawRequest(
  url: string,
  request: string | Buffer,
): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, text });
    });
    // write, not end: a half-closed client may be dropped before a slow answer is written.
    // The request says `Connection: close`, so the server closes when it has answered.
    socket.write(request);
  });
}
