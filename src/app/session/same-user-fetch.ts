import { tokenSubject } from './token-subject.ts';

/**
 * A fetch for supabase-js that refuses to send a data request (/rest/v1) with a token for any
 * user but the one whose local store is open. supabase-js shares its session across tabs, so
 * signing in as someone else in another tab would otherwise push this user's queued changes
 * (and pull into their store) as that other user. The request is answered locally with a 401,
 * so the sync engine treats it like any refused sign-in: it keeps the queue and retries.
 */
export function sameUserFetch(
  expectedUserId: () => string | null,
  onMismatch: () => void,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): typeof fetch {
  return (input, init) => {
    // Read the URL and headers without building a Request, which could consume the body.
    const url = input instanceof Request ? input.url : String(input);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : {}));
    const expected = expectedUserId();
    const subject = tokenSubject(headers.get('authorization'));
    if (expected && subject && subject !== expected && url.includes('/rest/v1/')) {
      onMismatch();
      return Promise.resolve(
        new Response(
          JSON.stringify({
            code: 'PGRST301',
            message: 'The session belongs to another user; sign in again as this user.',
          }),
          { status: 401, headers: { 'content-type': 'application/json' } },
        ),
      );
    }
    return fetchImpl(input, init);
  };
}
