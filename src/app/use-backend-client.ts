import { useEffect, useState } from 'react';
import type { BackendClient, BackendClientLoader } from './backend-client.ts';

/**
 * The supabase-js client once it has loaded (null until then): for the parts that need it in
 * Supabase mode (the password form, the session keeper). Nothing on the board's first paint
 * waits for it.
 */
export function useBackendClient(load: BackendClientLoader, needed: boolean): BackendClient | null {
  const [client, setClient] = useState<BackendClient | null>(null);
  useEffect(() => {
    if (!needed) return undefined;
    let live = true;
    load().then(
      (loaded) => live && setClient(loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [load, needed]);
  return client;
}
