import type { AuthChangeEvent, Session } from '@supabase/supabase-js';
import { describe, expect, it, vi } from 'vitest';
import { watchSupabaseSession } from './watch-supabase-session.ts';

type Listener = (event: AuthChangeEvent, session: Session | null) => void;
type SessionResult = { data: { session: Session | null }; error: Error | null };

/** The slice of supabase.auth the watcher uses, driven by the test. */
function fakeAuth(initial: SessionResult) {
  let listener: Listener = () => undefined;
  const auth = {
    result: initial,
    getSession: vi.fn(() => Promise.resolve(auth.result)),
    onAuthStateChange: (l: Listener) => {
      listener = l;
      return { data: { subscription: { unsubscribe: vi.fn() } } };
    },
    emit: (event: AuthChangeEvent, session: Session | null) => listener(event, session),
  };
  return auth;
}

const session = (userId: string) => ({ user: { id: userId } }) as Session;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watchSupabaseSession', () => {
  it('an offline refresh failure keeps the session; the network returning refreshes it', async () => {
    const auth = fakeAuth({ data: { session: null }, error: new Error('Failed to fetch') });
    const onRefused = vi.fn();
    const target = new EventTarget();
    const stop = watchSupabaseSession(auth as never, 'ana', onRefused, target);
    await flush();
    expect(onRefused).not.toHaveBeenCalled();

    auth.result = { data: { session: session('ana') }, error: null };
    target.dispatchEvent(new Event('online'));
    await flush();
    expect(auth.getSession).toHaveBeenCalledTimes(2);
    auth.emit('TOKEN_REFRESHED', session('ana'));
    expect(onRefused).not.toHaveBeenCalled();
    stop();
  });

  it('supabase-js dropping the session (refresh refused) asks for a new sign-in', async () => {
    const auth = fakeAuth({ data: { session: session('ana') }, error: null });
    const onRefused = vi.fn();
    watchSupabaseSession(auth as never, 'ana', onRefused, new EventTarget());
    await flush();
    auth.emit('SIGNED_OUT', null);
    expect(onRefused).toHaveBeenCalledTimes(1);
  });

  it('another account signed in elsewhere in the browser is a refusal too', () => {
    const auth = fakeAuth({ data: { session: session('ana') }, error: null });
    const onRefused = vi.fn();
    watchSupabaseSession(auth as never, 'ana', onRefused, new EventTarget());
    auth.emit('SIGNED_IN', session('ben'));
    expect(onRefused).toHaveBeenCalledTimes(1);
  });

  it('no stored session at all (answered, not offline) asks for a new sign-in', async () => {
    const auth = fakeAuth({ data: { session: null }, error: null });
    const onRefused = vi.fn();
    watchSupabaseSession(auth as never, 'ana', onRefused, new EventTarget());
    await flush();
    expect(onRefused).toHaveBeenCalledTimes(1);
  });
});
