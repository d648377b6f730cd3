import type { StateStorage } from 'zustand/middleware';

/**
 * zustand's `persist` writes a store's persisted part on every change, even when only a field it
 * does not persist changed (the board's focus request, set and cleared at every drop): two
 * synchronous localStorage writes on the drop's path. This storage leaves a key alone when it
 * already holds the value. It compares with what the key holds now, not with what this tab last
 * wrote, so a value another tab wrote meanwhile is still overwritten as before.
 */
export function skipUnchangedWrites(storage: Storage): StateStorage {
  return {
    getItem: (name) => storage.getItem(name),
    setItem: (name, value) => {
      if (storage.getItem(name) !== value) storage.setItem(name, value);
    },
    removeItem: (name) => storage.removeItem(name),
  };
}
