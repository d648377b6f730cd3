import * as z from 'zod/mini';
import '../../../lib/zod-messages.ts';
import type { StoredSession } from '../store/auth-session-store.ts';

// The local backend's demo sign-in (server/auth/local-auth-route.ts). Local mode only.

const localUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  full_name: z.string(),
  role: z.enum(['agent', 'manager']),
});
export type LocalUser = z.infer<typeof localUserSchema>;

const localSessionSchema = z.object({
  access_token: z.string(),
  expires_at: z.number(),
  user: z.object({
    id: z.string(),
    email: z.string(),
    user_metadata: z.object({ full_name: z.string(), role: z.enum(['agent', 'manager']) }),
  }),
});

/** The local backend answered with an error (as opposed to not answering at all). */
export class LocalAuthError extends Error {
  override readonly name = 'LocalAuthError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
  /**
   * A 4xx: the server looked at the request and said no; trying again will not help. Except
   * 408 (timeout) and 429 (slow down), which are the server asking for a later retry.
   */
  get refused(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

async function readJson(response: Response): Promise<unknown> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message =
      typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : '';
    throw new LocalAuthError(
      message || `The local backend answered ${response.status}`,
      response.status,
    );
  }
  return body;
}

export async function fetchLocalUsers(baseUrl: string): Promise<LocalUser[]> {
  const response = await fetch(`${baseUrl}/auth/v1/local/users`);
  return z.array(localUserSchema).parse(await readJson(response));
}

export async function signInLocally(baseUrl: string, email: string): Promise<StoredSession> {
  const response = await fetch(`${baseUrl}/auth/v1/local/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  const session = localSessionSchema.parse(await readJson(response));
  return {
    user: {
      id: session.user.id,
      email: session.user.email,
      full_name: session.user.user_metadata.full_name,
      role: session.user.user_metadata.role,
    },
    accessToken: session.access_token,
    expiresAt: session.expires_at,
  };
}
