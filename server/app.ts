import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from './db/database.ts';
import { isLostConnection } from './db/lost-connection.ts';
import { serveLocalAuth } from './auth/local-auth-route.ts';
import type { DemoSignIn } from './auth/sign-in-policy.ts';
import { applyCors } from './http/cors.ts';
import type { OriginPolicy } from './http/origin-policy.ts';
import { authenticate } from './http/request-auth.ts';
import { logRequest } from './http/request-log.ts';
import type { Logger } from './http/request-log.ts';
import { parseRequestTarget } from './http/request-target.ts';
import { ApiError, sendApiError } from './http/respond.ts';
import type { ChangeFeed } from './realtime/change-feed.ts';
import { serveChanges } from './realtime/sse-route.ts';
import { lostDatabaseError } from './rest/postgres-error.ts';
import { serveRpc } from './rest/rpc-route.ts';

export type NextFunction = (error?: unknown) => void;
export type Handler = (req: IncomingMessage, res: ServerResponse, next: NextFunction) => void;

export interface AppDeps {
  db: Database;
  secret: string;
  anonKey: string;
  /** Every key accepted as `apikey` (anon and service_role); never a user's token. */
  apiKeys: readonly string[];
  changes: ChangeFeed;
  /** Browser origins allowed to call (the app's own); others get 403. */
  origins: OriginPolicy;
  demoSignIn: DemoSignIn;
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
  const fail = (req: IncomingMessage, res: ServerResponse, thrown: unknown): void => {
    // A lost database connection, from whichever route, is answered 503 ("try again").
    const error = isLostConnection(thrown) ? lostDatabaseError() : thrown;
    // Whatever went wrong stays inside this request: answer it, never rethrow.
    req.resume();
    // Not `req.destroyed`: Node sets it once the body has been read, client or no client.
    if (req.socket.destroyed && !(error instanceof ApiError)) {
      // The client went away mid-request (aborted upload, closed tab): nobody to answer.
      res.destroy();
      return;
    }
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
  };
  return (req, res, next) => {
    try {
      const url = parseRequestTarget(req.url);
      if (!isBackendPath(url.pathname)) return next();
      if (deps.log !== undefined) logRequest(req, res, url.pathname, deps.log);
      applyCors(req, res, deps.origins);
      route(req, res, url, deps).catch((error: unknown) => fail(req, res, error));
    } catch (error) {
      fail(req, res, error);
    }
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
  const keys = { secret: deps.secret, apiKeys: deps.apiKeys };

  // Local sign-in needs no API key (the chooser runs before the app has one); who may use it is
  // the sign-in policy's decision (loopback only by default).
  const localAuth = /^\/auth\/v1\/local\/([a-z-]+)$/.exec(path)?.[1];
  if (localAuth !== undefined) {
    return serveLocalAuth(req, res, localAuth, { ...deps, issuer: `${origin(req)}/auth/v1` });
  }

  // The change stream says only "pull now" (a counter; RLS decides what a pull returns).
  // EventSource cannot send headers, so this is the one route taking the key in the URL.
  if (path === '/realtime/v1/local/changes' && req.method === 'GET') {
    await authenticate(req, url, { ...keys, allowQueryKey: true });
    return serveChanges(req, res, deps.changes);
  }

  const auth = await authenticate(req, url, keys);
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
