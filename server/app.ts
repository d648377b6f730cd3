import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from './db/database.ts';
import { serveLocalAuth } from './auth/local-auth-route.ts';
import { setCorsHeaders } from './http/cors.ts';
import { authenticate } from './http/request-auth.ts';
import { logRequest } from './http/request-log.ts';
import type { Logger } from './http/request-log.ts';
import { ApiError, sendApiError } from './http/respond.ts';
import type { ChangeFeed } from './realtime/change-feed.ts';
import { serveChanges } from './realtime/sse-route.ts';
import { serveRpc } from './rest/rpc-route.ts';

export type NextFunction = (error?: unknown) => void;
export type Handler = (req: IncomingMessage, res: ServerResponse, next: NextFunction) => void;

export interface AppDeps {
  db: Database;
  secret: string;
  anonKey: string;
  changes: ChangeFeed;
  /** Request lines (dev); errors that are our bugs always go to `onError`. */
  log?: Logger | undefined;
  onError?: (error: unknown) => void;
}

const PREFIXES = ['/rest/v1/', '/auth/v1/', '/realtime/v1/'];

/** Whether a request URL belongs to the backend (everything else is the app's). */
export function isBackendPath(url: string | undefined): boolean {
  return PREFIXES.some((prefix) => (url ?? '/').startsWith(prefix));
}

/**
 * The Supabase-shaped routes as one connect-style handler: usable by node:http directly and by
 * Vite's dev and preview servers. Anything else goes to `next()` (Vite serves the app).
 */
export function createApp(deps: AppDeps): Handler {
  const onError = deps.onError ?? ((error: unknown) => console.error('[local-backend]', error));
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!isBackendPath(url.pathname)) return next();
    if (deps.log !== undefined) logRequest(req, res, url.pathname, deps.log);
    setCorsHeaders(res);
    route(req, res, url, deps).catch((error: unknown) => {
      // Whatever went wrong stays inside this request: answer it, never rethrow.
      req.resume();
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof ApiError) return sendApiError(res, error);
      onError(error);
      sendApiError(
        res,
        new ApiError(500, { code: 'XX000', message: 'Internal error in the local backend' }),
      );
    });
  };
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: AppDeps,
): Promise<void> {
  if (req.method === 'OPTIONS') {
    res.writeHead(204);
    res.end();
    return;
  }
  const path = url.pathname;

  // Local sign-in needs no API key: the chooser runs before the app has one, and this backend
  // only ever holds local demo users. (Supabase Auth is used against a real project.)
  const localAuth = /^\/auth\/v1\/local\/([a-z-]+)$/.exec(path)?.[1];
  if (localAuth !== undefined) {
    return serveLocalAuth(req, res, localAuth, { ...deps, issuer: `${origin(req)}/auth/v1` });
  }

  // The change stream says only "pull now" (no rows, RLS decides what a pull returns), and
  // EventSource cannot send headers: an API key is optional here, but checked when given.
  if (path === '/realtime/v1/local/changes' && req.method === 'GET') {
    if (req.headers.apikey !== undefined || url.searchParams.has('apikey')) {
      await authenticate(req, url, deps.secret);
    }
    return serveChanges(req, res, deps.changes);
  }

  const auth = await authenticate(req, url, deps.secret);
  const rpc = /^\/rest\/v1\/rpc\/([^/]+)$/.exec(path)?.[1];
  if (rpc !== undefined) return serveRpc(req, res, url, decodeName(rpc), auth, deps);
  if (path.startsWith('/rest/v1/')) {
    throw new ApiError(404, {
      code: 'PGRST205',
      message: `The local backend serves functions only (/rest/v1/rpc/<name>), not ${path}`,
      hint: 'Read and write tables through RPC functions, as the sync layer does.',
    });
  }
  throw new ApiError(404, {
    code: 'not_found',
    message: `No local route ${req.method ?? ''} ${path}`,
  });
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ApiError(404, {
      code: 'PGRST202',
      message: 'Could not find the function (malformed name)',
    });
  }
}

function origin(req: IncomingMessage): string {
  return `http://${req.headers.host ?? 'localhost'}`;
}
