/**
 * A device's network, between supabase-js and the real local backend: it can go offline (fetch
 * throws before sending) or lose answers (the server handles the request and commits, then the
 * response is thrown away — a lost acknowledgement).
 */
export class Network {
  offline = false;
  /** Responses to drop, counted down, for requests whose URL contains `dropMatching`. */
  dropResponses = 0;
  dropMatching = '/rest/v1/rpc/sync_push';
  dropped = 0;
  /** The URL of every request sent (not those refused while offline), in order. */
  readonly sent: string[] = [];

  readonly fetch: typeof fetch = async (input, init) => {
    if (this.offline) throw new TypeError('fetch failed: offline');
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    this.sent.push(url);
    const response = await fetch(input, init);
    if (this.dropResponses > 0 && url.includes(this.dropMatching)) {
      this.dropResponses--;
      this.dropped++;
      await response.arrayBuffer(); // the server has answered: its transaction committed
      throw new TypeError('fetch failed: connection reset before the response arrived');
    }
    return response;
  };
}
