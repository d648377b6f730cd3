import { listDemoUsers } from './auth/demo-users.ts';
import type { Backend } from './start-backend.ts';

/** What a developer needs to talk to the local backend: where it is, the key, who can sign in. */
export async function backendBanner(backend: Backend, url: string): Promise<string[]> {
  const { engine, location, migrated, seeded } = backend.startup;
  const users = await listDemoUsers(backend.db);
  const signIn = {
    loopback: 'only from this machine (loopback)',
    anywhere: 'from ANY address that can reach this port',
    off: 'off',
  }[backend.demoSignIn];
  return [
    ...(backend.demoSignIn === 'anywhere'
      ? [
          '!!! WARNING: LEADLANES_DEMO_SIGN_IN=anywhere: anyone who can reach this port can sign in',
          '!!! as any user, the manager included, without a password. Never expose this server.',
        ]
      : []),
    `Local Supabase-compatible backend at ${url}`,
    `  database  ${engine} (${location})${migrated.length ? `, applied ${migrated.length} migration(s)` : ''}${seeded ? ', demo data loaded' : ''}`,
    `  anon key  ${backend.anonKey}`,
    `  origins   ${backend.origins.list().join(', ') || '(none yet)'} (LEADLANES_CORS_ORIGINS)`,
    ...(backend.demoSignIn === 'off'
      ? [`  sign in   demo sign-in off (LEADLANES_DEMO_SIGN_IN)`]
      : [
          `  sign in   POST ${url}/auth/v1/local/sign-in {"email": "…"}, ${signIn}, as one of:`,
          ...users.map(
            (u) => `              ${u.email.padEnd(30)} ${u.role.padEnd(8)} ${u.full_name}`,
          ),
        ]),
    `  changes   GET ${url}/realtime/v1/local/changes?apikey=<anon key> (server-sent events)`,
  ];
}
