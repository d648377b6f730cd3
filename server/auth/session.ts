import { randomUUID } from 'node:crypto';
import { signClaims } from './tokens.ts';
import type { DemoUser } from './demo-users.ts';

export const SESSION_LIFETIME_S = 3600;

export interface LocalSession {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  user: {
    id: string;
    aud: 'authenticated';
    role: 'authenticated';
    email: string;
    app_metadata: Record<string, unknown>;
    user_metadata: { full_name: string; role: string };
  };
}

/** An access token with the claims Supabase Auth puts in its own (so RLS sees the same thing). */
export async function createSession(
  secret: string,
  issuer: string,
  user: DemoUser,
  now = Date.now(),
): Promise<LocalSession> {
  const iat = Math.floor(now / 1000);
  const exp = iat + SESSION_LIFETIME_S;
  const appMetadata = { provider: 'email', providers: ['email'] };
  const userMetadata = { full_name: user.full_name, role: user.role };
  const token = await signClaims(secret, {
    iss: issuer,
    sub: user.id,
    aud: 'authenticated',
    exp,
    iat,
    email: user.email,
    phone: '',
    app_metadata: appMetadata,
    user_metadata: userMetadata,
    role: 'authenticated',
    aal: 'aal1',
    amr: [{ method: 'password', timestamp: iat }],
    session_id: randomUUID(),
    is_anonymous: false,
  });
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: SESSION_LIFETIME_S,
    expires_at: exp,
    user: {
      id: user.id,
      aud: 'authenticated',
      role: 'authenticated',
      email: user.email,
      app_metadata: appMetadata,
      user_metadata: userMetadata,
    },
  };
}
