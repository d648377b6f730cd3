import type { IncomingMessage } from 'node:http';
import { TokenError, verifyToken } from '../auth/tokens.ts';
import type { Claims } from '../auth/tokens.ts';
import { ApiError } from './respond.ts';

export interface RequestAuth {
  claims: Claims;
  /** True when the request carried its own bearer token (not just the API key). */
  hasUserToken: boolean;
}

/**
 * The gateway's and PostgREST's checks in one: an `apikey` (header, or query parameter for
 * EventSource, which cannot send headers) that is a valid key of this backend, then the bearer
 * token if any. Without a bearer token the API key's own role is used, as on Supabase.
 */
export async function authenticate(
  req: IncomingMessage,
  url: URL,
  secret: string,
): Promise<RequestAuth> {
  const apiKey = headerValue(req, 'apikey') ?? url.searchParams.get('apikey');
  if (apiKey === null || apiKey === '') {
    throw new ApiError(401, {
      code: 'PGRST301',
      message: 'No API key found in request',
      hint: 'No `apikey` request header or url param was found.',
    });
  }
  const keyClaims = await verify(secret, apiKey, 'Invalid API key');
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
