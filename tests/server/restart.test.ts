import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestFunctions } from './support/test-functions.ts';
import { DEMO, createTestLocation, engineName, startTestBackend } from './support/test-backend.ts';
import type { TestDatabaseLocation } from './support/test-backend.ts';

// PGlite persists in a data directory (.data/pglite in real use); PostgreSQL in its database.
let dataDir: string;
let location: TestDatabaseLocation;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'leadlanes-backend-'));
  location = await createTestLocation(dataDir);
});
afterAll(async () => {
  await location.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe(`restart (${engineName})`, () => {
  it('keeps data written through the API, and neither re-migrates nor re-seeds', async () => {
    const first = await startTestBackend(location);
    expect(first.backend.startup.migrated.length).toBeGreaterThan(0);
    expect(first.backend.startup.seeded).toBe(true);
    await createTestFunctions(first.backend.db);
    const manager = first.client(await first.signIn(DEMO.maya.email));
    expect((await manager.rpc('test_add_item', { item_id: 42, qty: 7 })).error).toBeNull();
    const leadsBefore: unknown = (await manager.rpc('test_count_leads')).data;
    await first.stop();

    const second = await startTestBackend(location);
    expect(second.backend.startup.migrated).toEqual([]);
    expect(second.backend.startup.seeded).toBe(false);
    const again = second.client(await second.signIn(DEMO.maya.email));
    expect((await again.rpc('test_items_list')).data).toEqual([{ id: 42, qty: 7 }]);
    expect((await again.rpc('test_count_leads')).data).toBe(leadsBefore);
    await second.stop();
  });
});
