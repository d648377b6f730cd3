// Which backend the app talks to. A real Supabase project when both VITE_SUPABASE_URL and
// VITE_SUPABASE_ANON_KEY are set at build time; otherwise the local backend that `npm run dev`
// mounts on the app's own origin (server/), with demo-user sign-in.

export type BackendConfig =
  { mode: 'supabase'; url: string; anonKey: string } | { mode: 'local'; url: string };

interface BackendEnv {
  VITE_SUPABASE_URL?: string | undefined;
  VITE_SUPABASE_ANON_KEY?: string | undefined;
}

export function readBackendConfig(env: BackendEnv, origin: string): BackendConfig {
  const url = env.VITE_SUPABASE_URL?.trim();
  const anonKey = env.VITE_SUPABASE_ANON_KEY?.trim();
  if (url && anonKey) return { mode: 'supabase', url: url.replace(/\/+$/, ''), anonKey };
  if (url || anonKey) {
    throw new Error(
      'Set both VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY, or neither for local mode.',
    );
  }
  return { mode: 'local', url: origin };
}
