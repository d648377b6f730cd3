// The local backend as the bench runs it: startBackend + listen in its own process (so the
// clients' CPU is not the server's), no request log. Prints one line once it listens.
import { listen } from '../../../server/listen.ts';
import { startBackend } from '../../../server/start-backend.ts';

const backend = await startBackend({
  databaseUrl: process.env.DATABASE_URL,
  jwtSecret: process.env.LEADLANES_JWT_SECRET,
});
const server = await listen(backend, 0, '127.0.0.1');
const pool = (backend.db as { poolSize?: number }).poolSize ?? 'fixed';
console.log(`listening ${server.url} pool ${pool}`);

async function stop(): Promise<void> {
  await server.close();
  await backend.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
