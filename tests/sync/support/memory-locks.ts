/**
 * Exclusive Web Locks for Node tests (Node 20 has no navigator.locks), recording the most
 * holders any lock ever had at once.
 */
export class MemoryLocks {
  maxHolders = 0;
  requested: string[] = [];
  readonly #tails = new Map<string, Promise<unknown>>();
  #holders = 0;

  request<T>(name: string, callback: () => Promise<T>): Promise<T> {
    this.requested.push(name);
    const previous = this.#tails.get(name) ?? Promise.resolve();
    const run = previous.then(async () => {
      this.#holders++;
      this.maxHolders = Math.max(this.maxHolders, this.#holders);
      try {
        return await callback();
      } finally {
        this.#holders--;
      }
    });
    this.#tails.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  }

  asLockManager(): LockManager {
    // Only request(name, callback) is used by the engine.
    return this as unknown as LockManager;
  }
}
