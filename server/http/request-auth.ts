import type { IncomingMessage } from 'node:http';
import { TokenError, verifyToken } from '../auth/tokens.ts';
import type { Claims } from '../auth/tokens.ts';
import { ApiError } from './respond.ts';

export interface RequestAuth {
  claims: Claims;
  /** True when the request carried its own bearer token (not just the API key). */
  hasUserToken: boolean;
}

export interface AuthOptions {
  secret: string;
  /** The backend's own API keys (anon, service_role): a user's token is never an API key. */
  apiKeys: readonly string[];
  /** Only the SSE route: EventSource cannot send headers. Elsewhere a URL key would leak into logs. */
  allowQueryKey?: boolean;
}

/**
 * The gateway's and PostgREST's checks in one: an `apikey` header that is one of this backend's
 * API keys, then the bearer token if any. Without a bearer token the API key's own role is
 * used, as on Supabase.
 */
export async function authenticate(
  req: IncomingMessage,
  url: URL,
  options: AuthOptions,
): Promise<RequestAuth> {
  const { secret } = options;
  const apiKey =
    headerValue(req, 'apikey') ??
    (options.allowQueryKey === true ? url.searchParams.get('apikey') : null);
  if (apiKey === null || apiKey === '') {
    throw new ApiError(401, {
      code: 'PGRST301',
      message: 'No API key found in request',
      hint: 'No `apikey` request header or url param was found.',
    });
  }
  const keyClaims = await verify(secret, apiKey, 'Invalid API key');
  if (!options.apiKeys.includes(apiKey)) {
    // A validly signed token that is not an API key (a user's access token): on Supabase the
    // gateway refuses it too; accepting it made `?apikey=<user token>` a credential in URLs.
    throw new ApiError(401, {
      code: 'PGRST301',
      message: 'Invalid API key: use the project anon key',
      hint: 'User tokens go in the Authorization header.',
    });
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(headerValue(req, 'authorization') ?? '')?.[1];
  if (bearer === undefined || bearer === apiKey) return { claims: keyClaims, hasUserToken: false };
  return { claims: await verify(secret, bearer), hasUserToken: true };
}

async function verify(secret: string, token: string, prefix?: string): Promise<Claims> {
  try {
    return await verifyToken(secret, token);
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    const message = prefix === undefined ? error.message : `${prefix}: ${error.message}`;
    throw new ApiError(
      401,
      { code: error.code, message },
      {
        'WWW-Authenticate': `Bearer error="invalid_token", error_description="${error.message.replace(/"/g, "'")}"`,
      },
    );
  }
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
