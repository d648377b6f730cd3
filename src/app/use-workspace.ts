import { useEffect, useState } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import { openLocalDb, type LocalDb } from '../sync/local-db.ts';
import { createSyncEngine, type SyncEngine } from '../sync/engine.ts';
import { localSseSignal } from '../sync/signals/local-sse-signal.ts';
import { supabaseRealtimeSignal } from '../sync/signals/supabase-realtime-signal.ts';
import type { BackendConfig } from '../lib/backend-config.ts';
import { localAnonKey } from './backend-client.ts';
import { useUpdateState } from './update/update-store.ts';

export interface Workspace {
  db: LocalDb;
  engine: SyncEngine;
}

export type WorkspaceState =
  | { state: 'opening' }
  | { state: 'ready'; workspace: Workspace }
  | { state: 'failed'; message: string };

/**
 * The signed-in user's local store and its sync engine, for as long as they stay signed in.
 * The store opens from IndexedDB (works offline); the engine syncs in the background.
 */
export function useWorkspace(
  userId: string,
  config: BackendConfig,
  /** supabase-js, loaded on demand (backend-client.ts): the first sync waits for it. */
  loadSupabase: () => Promise<SupabaseClient>,
): WorkspaceState {
  const [state, setState] = useState<WorkspaceState>({ state: 'opening' });

  useEffect(() => {
    const abort = new AbortController();
    let opened: Workspace | null = null;
    openLocalDb(userId, {
      upgradeRehearsal: import.meta.env.VITE_LOCAL_DB_UPGRADE_REHEARSAL === 'true',
    })
      .then((db) => {
        if (abort.signal.aborted) {
          db.close();
          return;
        }
        // A newer build in another tab is upgrading this store: Dexie closes this tab's
        // connection so the upgrade can run, and this tab's code is now the old version.
        db.on('versionchange', () => {
          useUpdateState.getState().offer(() => window.location.reload());
        });
        const engine = createSyncEngine({
          supabase: loadSupabase,
          db,
          userId,
          signal: abort.signal,
          changeSignals: [
            config.mode === 'local'
              ? localSseSignal(config.url, localAnonKey)
              : supabaseRealtimeSignal(loadSupabase, userId),
          ],
        });
        engine.start();
        opened = { db, engine };
        setState({ state: 'ready', workspace: opened });
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) {
          setState({
            state: 'failed',
            message: error instanceof Error ? error.message : String(error),
          });
        }
      });
    return () => {
      abort.abort();
      const closing = opened;
      if (closing) void closing.engine.stop().finally(() => closing.db.close());
    };
  }, [userId, config, loadSupabase]);

  return state;
}
