// `npm run server`: the local backend on its own (default http://127.0.0.1:54321, Supabase's
// local API port). PORT/HOST and DATABASE_URL override; LEADLANES_JWT_SECRET sets the secret.
// Browser pages may call it from its own origin and from Vite's dev/preview ports on this
// machine (VITE_SUPABASE_URL pointed here); LEADLANES_CORS_ORIGINS replaces those two.
import { backendBanner } from './banner.ts';
import { ownOrigins } from './http/origin-policy.ts';
import { listen } from './listen.ts';
import { startBackend } from './start-backend.ts';

const port = Number(process.env.PORT ?? 54321);
const host = process.env.HOST ?? '127.0.0.1';

const backend = await startBackend({
  databaseUrl: process.env.DATABASE_URL || undefined,
  log: (line) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`),
});
if (!process.env.LEADLANES_CORS_ORIGINS) {
  backend.origins.allow(
    ...ownOrigins('http://localhost:5173'),
    ...ownOrigins('http://localhost:4173'),
  );
}
const server = await listen(backend, port, host);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.close();
  await backend.close(); // PGlite flushes its data directory on close
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
// Last: whoever waits for the banner (a supervisor, a test) may signal at once.
console.log((await backendBanner(backend, server.url)).join('\n'));
