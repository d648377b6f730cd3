import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '../db/database.ts';
import { readJsonBody } from '../http/read-body.ts';
import { ApiError, sendJson } from '../http/respond.ts';
import { findDemoUser, listDemoUsers } from './demo-users.ts';
import { createSession } from './session.ts';
import { signInAllowed } from './sign-in-policy.ts';
import type { DemoSignIn } from './sign-in-policy.ts';

/**
 * Local mode only (this server never runs against a Supabase project):
 *   GET  /auth/v1/local/config   {anon_key}: the public key supabase-js needs in local mode
 *   GET  /auth/v1/local/users    the demo users, for a "sign in as…" chooser
 *   POST /auth/v1/local/sign-in  {email} or {user_id} → a session like Supabase Auth's
 */
export async function serveLocalAuth(
  req: IncomingMessage,
  res: ServerResponse,
  action: string,
  deps: { db: Database; secret: string; anonKey: string; issuer: string; demoSignIn: DemoSignIn },
): Promise<void> {
  if (action === 'config' && req.method === 'GET') {
    // The public anon key, for a page served from elsewhere than the Vite plugin.
    return sendJson(res, 200, { anon_key: deps.anonKey });
  }
  if (!signInAllowed(deps.demoSignIn, req.socket.remoteAddress)) {
    throw new ApiError(403, {
      code: 'demo_sign_in_disabled',
      message:
        deps.demoSignIn === 'off'
          ? 'The passwordless demo sign-in is off (NODE_ENV=production or LEADLANES_DEMO_SIGN_IN=off)'
          : 'The passwordless demo sign-in answers only on this machine (loopback)',
      hint: 'LEADLANES_DEMO_SIGN_IN=loopback|anywhere opts in; see docs/local-backend.md.',
    });
  }
  if (action === 'users' && req.method === 'GET') {
    return sendJson(res, 200, await listDemoUsers(deps.db));
  }
  if (action === 'sign-in' && req.method === 'POST') {
    const { value: body } = await readJsonBody(req);
    const { email, user_id: id } = (
      typeof body === 'object' && body !== null ? body : {}
    ) as Record<string, unknown>;
    const who = typeof email === 'string' ? { email } : typeof id === 'string' ? { id } : undefined;
    if (who === undefined) {
      throw new ApiError(400, {
        code: 'validation_failed',
        message: 'Give the email or user_id of a demo user',
      });
    }
    const user = await findDemoUser(deps.db, who);
    if (user === undefined) {
      throw new ApiError(400, {
        code: 'invalid_credentials',
        message: 'No local user with that email or id',
      });
    }
    return sendJson(res, 200, await createSession(deps.secret, deps.issuer, user));
  }
  throw new ApiError(404, {
    code: 'not_found',
    message: `No local auth route ${req.method ?? ''} ${action}`,
  });
}
