import type { SupabaseClient } from '@supabase/supabase-js';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuthSession } from '../../features/auth/store/auth-session-store.ts';
import { pipeline, seedDb, status } from '../../features/board/testing/board-fixtures.tsx';
import { mutate } from '../../sync/mutate.ts';
import { SignInAgain } from './sign-in-again.tsx';

const ANA = { id: 'ana-id', email: 'ana@x.test', full_name: 'Ana Alvarez', role: 'agent' as const };
const CONFIG = { mode: 'local', url: 'http://backend.test' } as const;

function sessionBody(userId: string) {
  return {
    access_token: 'fresh',
    expires_at: Math.floor(Date.now() / 1000) + 3600,
    user: {
      id: userId,
      email: ANA.email,
      user_metadata: { full_name: ANA.full_name, role: 'agent' },
    },
  };
}

async function storeWithQueuedChange() {
  const p = pipeline({ name: 'Sales' });
  const s = status({ name: 'New', pipeline_id: p.id });
  const db = await seedDb({ pipelines: [p], statuses: [s] });
  await mutate(db, 'create_lead', {
    id: crypto.randomUUID(),
    full_name: 'Jane Doe',
    pipeline_id: p.id,
    status_id: s.id,
  });
  return db;
}

describe('SignInAgain', () => {
  beforeEach(() => {
    useAuthSession.setState({ session: { user: ANA, accessToken: 'old', expiresAt: 0 } });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is not there while the session is accepted', async () => {
    useAuthSession.setState({ refused: false });
    const db = await storeWithQueuedChange();
    const { container } = render(
      <SignInAgain
        config={CONFIG}
        supabase={{} as SupabaseClient}
        user={ANA}
        db={db}
        onSignedIn={vi.fn()}
      />,
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('refused: keeps the queue, signs the same user in again, then syncs', async () => {
    useAuthSession.setState({ refused: true });
    const db = await storeWithQueuedChange();
    const fetchMock = vi.fn(() =>
      Promise.resolve(new Response(JSON.stringify(sessionBody(ANA.id)), { status: 200 })),
    );
    vi.stubGlobal('fetch', fetchMock);
    const onSignedIn = vi.fn();
    render(
      <SignInAgain
        config={CONFIG}
        supabase={{} as SupabaseClient}
        user={ANA}
        db={db}
        onSignedIn={onSignedIn}
      />,
    );
    const region = screen.getByRole('region', { name: 'Sign in again to sync' });
    expect(await within(region).findByText(/Your 1 change stays on this device/)).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Sign in again as Ana Alvarez' }));
    expect(onSignedIn).toHaveBeenCalledTimes(1);
    expect(useAuthSession.getState()).toMatchObject({
      refused: false,
      session: { accessToken: 'fresh' },
    });
    expect(await db.outbox.count()).toBe(1);
    expect(screen.queryByRole('region', { name: 'Sign in again to sync' })).not.toBeInTheDocument();
  });

  it('a session for another user is not taken', async () => {
    useAuthSession.setState({ refused: true });
    const db = await storeWithQueuedChange();
    vi.stubGlobal('fetch', () =>
      Promise.resolve(new Response(JSON.stringify(sessionBody('ben-id')), { status: 200 })),
    );
    const onSignedIn = vi.fn();
    render(
      <SignInAgain
        config={CONFIG}
        supabase={{} as SupabaseClient}
        user={ANA}
        db={db}
        onSignedIn={onSignedIn}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign in again as Ana Alvarez' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('a different user');
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(useAuthSession.getState()).toMatchObject({
      refused: true,
      session: { user: ANA, accessToken: 'old' },
    });
  });
});
