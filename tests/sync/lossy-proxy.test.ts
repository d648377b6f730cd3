import { createClient } from '@supabase/supabase-js';
import type { SupabaseClientOptions } from '@supabase/supabase-js';
import ws from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullAll } from '../../src/sync/pull.ts';
import { pushPending } from '../../src/sync/push.ts';
import { SyncRequestError } from '../../src/sync/sync-api.ts';
import { LossyProxy } from '../server/support/lossy-proxy.ts';
import { defaultColumn } from '../server/support/raw-push.ts';
import { engineName } from '../server/support/test-backend.ts';
import { Device } from './support/device.ts';
import type { SyncBackend } from './support/sync-backend.ts';
import { startSyncBackend } from './support/sync-backend.ts';

type RealtimeTransport = NonNullable<
  NonNullable<SupabaseClientOptions<'public'>['realtime']>['transport']
>;

// Answers lost on a real network hop (a proxy that cuts the connection after the backend has
// answered): the device cannot tell "not applied" from "applied, answer lost", resends, and the
// server's ledger makes each mutation count once.
let backend: SyncBackend;
let proxy: LossyProxy;
let viaProxy: ReturnType<typeof createClient>;

beforeAll(async () => {
  backend = await startSyncBackend();
  proxy = await LossyProxy.start(backend.t.url);
  viaProxy = createClient(proxy.url, backend.t.backend.anonKey, {
    accessToken: () => Promise.resolve(backend.tokens.maya),
    realtime: { transport: ws as unknown as RealtimeTransport },
  });
});
afterAll(async () => {
  await proxy.close();
  await backend.close();
});

describe(`pushes through a lossy proxy (${engineName})`, () => {
  it('applies every mutation exactly once though the first answers are lost', async () => {
    const device = await Device.open(backend, 'maya');
    await pullAll(device.db, viaProxy, { pageSize: 1000 });
    const column = await defaultColumn(backend.t.backend.db);
    const ids = Array.from({ length: 5 }, () => crypto.randomUUID());
    for (const [i, id] of ids.entries()) {
      await device.mutate('create_lead', { id, full_name: `Lossy ${i}`, ...column });
    }

    proxy.dropResponses = 2;
    for (let lost = 0; lost < 2; lost++) {
      const error: unknown = await pushPending(device.db, viaProxy).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SyncRequestError);
      expect((error as SyncRequestError).offline).toBe(true);
    }
    expect(proxy.dropped).toBe(2);
    expect(await pushPending(device.db, viaProxy)).toEqual({ applied: 5, rejected: 0 });

    const { rows } = await backend.t.backend.db.query<{ n: number }>(
      'select count(*)::int as n from public.leads where id = any($1)',
      [ids],
    );
    expect(rows[0]?.n).toBe(5);
    await pullAll(device.db, viaProxy, { pageSize: 1000 });
    expect(await device.db.outbox.count()).toBe(0);
    expect(await device.db.rejected.count()).toBe(0);
    expect(await device.db.leads.where('id').anyOf(ids).count()).toBe(5);
    device.close();
  });
});
