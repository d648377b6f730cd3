import { createClient } from '@supabase/supabase-js';
import type { SupabaseClient, SupabaseClientOptions } from '@supabase/supabase-js';
import ws from 'ws';
import type { SqlExecutor } from '../../../server/db/database.ts';
import type { TestBackend, TestDatabaseLocation } from '../../server/support/test-backend.ts';
import { DEMO, createTestLocation, startTestBackend } from '../../server/support/test-backend.ts';
import type { Network } from './network.ts';

export { DEMO };

// `ws` lacks the index signature realtime-js declares; it is the transport Node 20 needs.
type RealtimeTransport = NonNullable<
  NonNullable<SupabaseClientOptions<'public'>['realtime']>['transport']
>;
export type DemoUser = keyof typeof DEMO;

export interface SyncBackend {
  t: TestBackend;
  location: TestDatabaseLocation;
  tokens: Record<DemoUser, string>;
  /** supabase-js as the app uses it, through a device's network. */
  client(user: DemoUser, network: Network): SupabaseClient;
  /** SQL as a signed-in user (RLS applies), in a transaction that commits. */
  asUser<T>(user: DemoUser, fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The real local backend (seeded), in-process, on PGlite or on TEST_DATABASE_URL's server. */
export async function startSyncBackend(): Promise<SyncBackend> {
  const location = await createTestLocation();
  const t = await startTestBackend(location);
  const tokens = {
    ana: await t.signIn(DEMO.ana.email),
    ben: await t.signIn(DEMO.ben.email),
    maya: await t.signIn(DEMO.maya.email),
  };
  return {
    t,
    location,
    tokens,
    client(user, network) {
      return createClient(t.url, t.backend.anonKey, {
        accessToken: () => Promise.resolve(tokens[user]),
        realtime: { transport: ws as unknown as RealtimeTransport },
        global: { fetch: network.fetch },
      });
    },
    asUser(user, fn) {
      return t.backend.db.transaction(async (tx) => {
        const claims = { sub: DEMO[user].id, role: 'authenticated' };
        await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
          JSON.stringify(claims),
        ]);
        await tx.exec('set local role authenticated');
        return fn(tx);
      });
    },
    async close() {
      await t.stop();
      await location.drop();
    },
  };
}
