import type { ServerResponse } from 'node:http';

// The standalone server (port 54321) is called from the Vite page on another port, as a
// Supabase project is called from any origin: allow it, with the headers supabase-js sends.
export function setCorsHeaders(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader(
    'Access-Control-Allow-Headers',
    'authorization, apikey, content-type, content-profile, accept-profile, prefer, x-client-info, accept, last-event-id',
  );
  res.setHeader('Access-Control-Max-Age', '86400');
}
