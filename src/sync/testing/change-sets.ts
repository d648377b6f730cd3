import { Dexie, type ObservabilitySet } from 'dexie';

/** Resolves with the change set of the next committed write whose set holds `part`. */
export function nextChangeSet(part: string): Promise<ObservabilitySet> {
  return new Promise((resolve) => {
    const listener = (parts: ObservabilitySet) => {
      if (!parts[part]) return;
      Dexie.on.storagemutated.unsubscribe(listener);
      resolve(parts);
    };
    Dexie.on('storagemutated', listener);
  });
}
