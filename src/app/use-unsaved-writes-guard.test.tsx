import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { openLocalDb } from '../sync/local-db.ts';
import type { LocalDb } from '../sync/local-db.ts';
import { mutate } from '../sync/mutate.ts';
import { useUnsavedWritesGuard } from './use-unsaved-writes-guard.ts';

let db: LocalDb | undefined;
afterEach(() => db?.close());

/** Whether the page asked to stay: a cancelable beforeunload, as the browser sends it. */
function leaving(): Event {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event;
}

describe('useUnsavedWritesGuard', () => {
  it('asks before the tab closes on a change not yet stored, and not once it is', async () => {
    db = await openLocalDb(crypto.randomUUID());
    const { unmount } = renderHook(() => useUnsavedWritesGuard());
    expect(leaving().defaultPrevented).toBe(false);

    const storing = mutate(db, 'create_pipeline', {
      id: '10000000-0000-4000-8000-000000000001',
      name: 'Sales',
      statuses: [{ id: '20000000-0000-4000-8000-000000000001', name: 'New' }],
    });
    expect(leaving().defaultPrevented).toBe(true);
    await storing;
    expect(leaving().defaultPrevented).toBe(false);

    // Unmounted (signed out): no listener left behind.
    const again = mutate(db, 'update_pipeline', {
      id: '10000000-0000-4000-8000-000000000001',
      patch: { name: 'Renewals' },
    });
    unmount();
    expect(leaving().defaultPrevented).toBe(false);
    await again;
  });
});
