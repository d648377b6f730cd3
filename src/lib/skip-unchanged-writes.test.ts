import { describe, expect, it } from 'vitest';
import { skipUnchangedWrites } from './skip-unchanged-writes.ts';

/** A Storage that counts its writes. */
function countingStorage() {
  const map = new Map<string, string>();
  let writes = 0;
  const storage = {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      writes++;
      map.set(k, v);
    },
    removeItem: (k: string) => void map.delete(k),
  } satisfies Storage;
  return { storage, writes: () => writes };
}

describe('skipUnchangedWrites', () => {
  it('writes a new value, skips the same value again, and writes over what another tab wrote', async () => {
    const { storage, writes } = countingStorage();
    const skipping = skipUnchangedWrites(storage);
    await skipping.setItem('prefs', '{"a":1}');
    await skipping.setItem('prefs', '{"a":1}');
    expect(writes()).toBe(1);
    // Another tab changes the key; this tab's value, unchanged for it, must still be written.
    storage.setItem('prefs', '{"a":2}');
    await skipping.setItem('prefs', '{"a":1}');
    expect(writes()).toBe(3);
    expect(await skipping.getItem('prefs')).toBe('{"a":1}');
    await skipping.removeItem('prefs');
    expect(storage.getItem('prefs')).toBeNull();
  });
});
