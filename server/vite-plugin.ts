import type { AddressInfo } from 'node:net';
import type { Connect, Logger, Plugin, PreviewServer, ViteDevServer } from 'vite';
import { loadEnv } from 'vite';
import { isBackendPath } from './app.ts';
import { loadJwtSecret } from './auth/jwt-secret.ts';
import { demoSignInFromEnv } from './auth/sign-in-policy.ts';
import type { DemoSignIn } from './auth/sign-in-policy.ts';
import { DEV_FS_DENY, privateFileGuard } from './dev-file-guard.ts';
import { originsFromEnv, ownOrigins } from './http/origin-policy.ts';
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
  corsOrigins: string[];
  demoSignIn: DemoSignIn;
}

/** The origins this Vite server answers on (what the page's own requests carry as Origin). */
function serverOrigins(server: ViteDevServer | PreviewServer): string[] {
  const urls = server.resolvedUrls;
  const listed = urls === null ? [] : [...urls.local, ...urls.network];
  const address = server.httpServer?.address() as AddressInfo | null | undefined;
  if (address) listed.push(`http://localhost:${address.port}`);
  return listed.flatMap((url) => ownOrigins(url));
}

export function localBackend(): Plugin {
  let enabled = false;
  let env: LocalEnv | undefined;

  const mount = (server: ViteDevServer | PreviewServer): void => {
    // Before Vite's own file serving, and whether or not the backend is mounted: the secret
    // and backups exist on disk either way.
    server.middlewares.use(privateFileGuard([env?.dataDir, DEFAULT_SECRET_FILE]));
    if (!enabled || env === undefined) return;
    const local = env;
    const logger: Logger = server.config.logger;
    let backend: Promise<Backend> | undefined;
    const start = (): Promise<Backend> => {
      backend ??= enqueue(() =>
        startBackend({
          databaseUrl: local.databaseUrl,
          dataDir: local.dataDir,
          jwtSecret: local.jwtSecret,
          corsOrigins: local.corsOrigins,
          demoSignIn: local.demoSignIn,
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
        (b) => {
          b.origins.allow(...serverOrigins(server));
          b.handler(req, res, next);
        },
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
    async config(config, { mode, isPreview }) {
      const loaded = loadEnv(
        mode,
        config.envDir === false ? process.cwd() : (config.envDir ?? config.root ?? process.cwd()),
        ['VITE_', 'DATABASE_URL', 'LEADLANES_'],
      );
      const deny = { server: { fs: { deny: DEV_FS_DENY } } };
      // Pointed at a Supabase project: no local backend and so no demo sign-in, in any build.
      enabled = !(loaded.VITE_SUPABASE_URL && loaded.VITE_SUPABASE_ANON_KEY);
      if (!enabled) return deny;
      env = {
        databaseUrl: loaded.DATABASE_URL || undefined,
        dataDir: loaded.LEADLANES_DATA_DIR || undefined,
        jwtSecret: loaded.LEADLANES_JWT_SECRET || undefined,
        corsOrigins: originsFromEnv(loaded.LEADLANES_CORS_ORIGINS),
        // `vite preview`, `--mode production` and NODE_ENV=production are production: the
        // sign-in is off there unless opted in.
        demoSignIn: demoSignInFromEnv({
          NODE_ENV:
            isPreview === true || mode === 'production' ? 'production' : process.env.NODE_ENV,
          LEADLANES_DEMO_SIGN_IN: loaded.LEADLANES_DEMO_SIGN_IN,
        }),
      };
      const secret = loadJwtSecret(DEFAULT_SECRET_FILE, env.jwtSecret);
      return {
        ...deny,
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
