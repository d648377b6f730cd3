import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { LocalDb } from '../../../src/sync/local-db.ts';
import { openLocalDb } from '../../../src/sync/local-db.ts';
import { mutate } from '../../../src/sync/mutate.ts';
import type { MutationInput, MutationName } from '../../../src/sync/mutations/registry.ts';
import { syncOnce } from '../../../src/sync/sync-once.ts';
import { Network } from './network.ts';
import type { DemoUser, SyncBackend } from './sync-backend.ts';
import { DEMO } from './sync-backend.ts';

/**
 * One simulated device: its own IndexedDB (persisted across reloads), its own network and a
 * supabase-js client for one demo user.
 */
export class Device {
  readonly network = new Network();
  readonly indexedDB = new IDBFactory();
  readonly supabase: SupabaseClient;
  #db: LocalDb | undefined;
  /** Every mutation this device queued, with its stored args (the property test's record). */
  readonly queued: { mutation_id: number; name: string; args: unknown }[] = [];

  get db(): LocalDb {
    if (!this.#db) throw new Error('device store is not open');
    return this.#db;
  }

  private constructor(
    readonly backend: SyncBackend,
    readonly user: DemoUser,
  ) {
    this.supabase = backend.client(user, this.network);
  }

  static async open(backend: SyncBackend, user: DemoUser): Promise<Device> {
    const device = new Device(backend, user);
    await device.reload();
    return device;
  }

  get userId(): string {
    return DEMO[this.user].id;
  }

  /** Closes the store and opens it again, as a reloaded tab would. */
  async reload(): Promise<void> {
    this.#db?.close();
    this.#db = await openLocalDb(this.userId, { indexedDB: this.indexedDB, IDBKeyRange });
  }

  async mutate<N extends MutationName>(name: N, input: MutationInput<N>): Promise<void> {
    const receipt = await mutate(this.db, name, input);
    this.queued.push({ mutation_id: receipt.mutation_id, name, args: receipt.args });
  }

  /** One sync as the engine does it (syncOnce: push everything queued, then pull every page). */
  async sync(pageSize = 1000): Promise<void> {
    await syncOnce(this.db, this.supabase, { pageSize });
  }

  close(): void {
    this.db.close();
  }
}
