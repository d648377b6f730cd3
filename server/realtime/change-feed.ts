// "Something changed" for open clients: a counter that goes up after every committed call that
// may have written. Clients do not learn what changed (RLS decides that); they just pull.

export interface ChangeEvent {
  seq: number;
}

export type ChangeListener = (event: ChangeEvent) => void;

export class ChangeFeed {
  #seq = 0;
  readonly #listeners = new Set<ChangeListener>();

  get seq(): number {
    return this.#seq;
  }

  // Only a counter: naming the function would tell every listener what its colleagues are doing.
  publish(): ChangeEvent {
    this.#seq += 1;
    const event = { seq: this.#seq };
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // One broken connection must not stop the others from hearing about the change.
      }
    }
    return event;
  }

  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
