import type { AddressInfo } from 'node:net';
import type { Connect, Logger, Plugin, PreviewServer, ViteDevServer } from 'vite';
import { loadEnv } from 'vite';
import { isBackendPath } from './app.ts';
import { loadJwtSecret } from './auth/jwt-secret.ts';
import { signApiKey } from './auth/tokens.ts';
import { backendBanner } from './banner.ts';
import { DEFAULT_SECRET_FILE } from './paths.ts';
import { startBackend } from './start-backend.ts';
import type { Backend } from './start-backend.ts';

// Mounts the local backend into Vite's dev and preview servers, so `npm run dev` is the whole
// app on one origin. Off when VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY name a real project.
//
// The page gets the local anon key as import.meta.env.VITE_LOCAL_SUPABASE_ANON_KEY (a public
// key, like any Supabase anon key); GET /auth/v1/local/config returns it too.

const CHAIN = Symbol.for('leadlanes.local-backend.chain');

/**
 * Vite restarts build the new server before closing the old one, and re-bundle this file, so
 * module state does not survive: a process-wide chain makes "close the old backend" finish
 * before "open the new one" (PGlite's data directory must have one owner at a time).
 */
function enqueue<T>(step: () => Promise<T>): Promise<T> {
  const slot = globalThis as unknown as Record<symbol, Promise<unknown> | undefined>;
  const result = (slot[CHAIN] ?? Promise.resolve()).then(step, step);
  slot[CHAIN] = result.catch(() => undefined);
  return result;
}

interface LocalEnv {
  databaseUrl: string | undefined;
  dataDir: string | undefined;
  jwtSecret: string | undefined;
}

export function localBackend(): Plugin {
  let enabled = false;
  let env: LocalEnv = { databaseUrl: undefined, dataDir: undefined, jwtSecret: undefined };

  const mount = (server: ViteDevServer | PreviewServer): void => {
    if (!enabled) return;
    const logger: Logger = server.config.logger;
    let backend: Promise<Backend> | undefined;
    const start = (): Promise<Backend> => {
      backend ??= enqueue(() =>
        startBackend({
          databaseUrl: env.databaseUrl,
          dataDir: env.dataDir,
          jwtSecret: env.jwtSecret,
          log: (line) => logger.info(`[backend] ${line}`, { timestamp: true }),
        }),
      );
      backend.catch((error: unknown) => {
        logger.error(`[backend] failed to start: ${String(error)}`, { timestamp: true });
        backend = undefined; // the next request tries again
      });
      return backend;
    };

    server.httpServer?.once('listening', () => {
      const address = server.httpServer?.address() as AddressInfo | null;
      const url = `http://localhost:${address?.port ?? '?'}`;
      start()
        .then((b) => backendBanner(b, url))
        .then((lines) => logger.info(lines.join('\n')))
        .catch(() => undefined); // already logged by start()
    });
    server.httpServer?.once('close', () => {
      const closing = backend;
      backend = undefined;
      if (closing) void enqueue(() => closing.then((b) => b.close())).catch(() => undefined);
    });

    const middleware: Connect.NextHandleFunction = (req, res, next) => {
      if (!isBackendPath(req.url)) return next();
      start().then(
        (b) => b.handler(req, res, next),
        () => {
          res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8' });
          res.end(
            JSON.stringify({
              code: 'PGRST000',
              message: 'The local backend failed to start; see the dev server log',
              details: null,
              hint: null,
            }),
          );
        },
      );
    };
    server.middlewares.use(middleware);
  };

  return {
    name: 'leadlanes-local-backend',
    async config(config, { mode }) {
      const loaded = loadEnv(
        mode,
        config.envDir === false ? process.cwd() : (config.envDir ?? config.root ?? process.cwd()),
        ['VITE_', 'DATABASE_URL', 'LEADLANES_'],
      );
      enabled = !(loaded.VITE_SUPABASE_URL && loaded.VITE_SUPABASE_ANON_KEY);
      if (!enabled) return;
      env = {
        databaseUrl: loaded.DATABASE_URL || undefined,
        dataDir: loaded.LEADLANES_DATA_DIR || undefined,
        jwtSecret: loaded.LEADLANES_JWT_SECRET || undefined,
      };
      const secret = loadJwtSecret(DEFAULT_SECRET_FILE, env.jwtSecret);
      return {
        define: {
          'import.meta.env.VITE_LOCAL_SUPABASE_ANON_KEY': JSON.stringify(
            await signApiKey(secret, 'anon'),
          ),
        },
      };
    },
    configureServer: mount,
    configurePreviewServer: mount,
  };
}
