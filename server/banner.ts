import { listDemoUsers } from './auth/demo-users.ts';
import type { Backend } from './start-backend.ts';

/** What a developer needs to talk to the local backend: where it is, the key, who can sign in. */
export async function backendBanner(backend: Backend, url: string): Promise<string[]> {
  const { engine, location, migrated, seeded } = backend.startup;
  const users = await listDemoUsers(backend.db);
  return [
    `Local Supabase-compatible backend at ${url}`,
    `  database  ${engine} (${location})${migrated.length ? `, applied ${migrated.length} migration(s)` : ''}${seeded ? ', demo data loaded' : ''}`,
    `  anon key  ${backend.anonKey}`,
    `  sign in   POST ${url}/auth/v1/local/sign-in {"email": "…"} as one of:`,
    ...users.map((u) => `              ${u.email.padEnd(30)} ${u.role.padEnd(8)} ${u.full_name}`),
    `  changes   GET ${url}/realtime/v1/local/changes (server-sent events)`,
  ];
}
