import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OriginPolicy } from './origin-policy.ts';
import { ApiError } from './respond.ts';

// CORS for the app's own origin(s) only (OriginPolicy). The answer names the one origin that
// asked, never `*`, and varies on Origin so no cache hands it to another page.
export function applyCors(req: IncomingMessage, res: ServerResponse, policy: OriginPolicy): void {
  // Vite's dev and preview servers run their own CORS layer first, which grants any localhost
  // origin: on backend routes only this policy speaks.
  for (const name of res.getHeaderNames()) {
    if (name.startsWith('access-control-')) res.removeHeader(name);
  }
  res.setHeader('Vary', 'Origin');
  const origin = req.headers.origin;
  if (!policy.allows(origin)) {
    throw new ApiError(403, {
      code: 'origin_not_allowed',
      message: `Requests from ${origin ?? 'this origin'} are not allowed`,
      hint: 'Add the app origin to LEADLANES_CORS_ORIGINS (docs/local-backend.md).',
    });
  }
  if (origin === undefined) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader(
    'Access-Control-Allow-Headers',
    'authorization, apikey, content-type, content-profile, accept-profile, prefer, x-client-info, accept, last-event-id',
  );
  res.setHeader('Access-Control-Max-Age', '86400');
}
