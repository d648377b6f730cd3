/**
 * The user id (`sub`) in a bearer token, read without verifying it: the server verifies; this
 * only tells the client whose token it is about to send. Null for no token, an anon key, or junk.
 */
export function tokenSubject(authorization: string | null): string | null {
  const token = authorization?.match(/^Bearer (.+)$/i)?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
}
