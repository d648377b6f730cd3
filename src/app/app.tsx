import { useEffect, useMemo } from 'react';
import { SignInPage } from '../features/auth/components/sign-in-page.tsx';
import { useAuthSession } from '../features/auth/store/auth-session-store.ts';
import { preloadSyncCode } from '../sync/engine.ts';
import { backendClientLoader, backendConfig, type BackendClientLoader } from './backend-client.ts';
import { localAccessTokenGetter } from './session/local-access-token.ts';
import { SignInAgain } from './session/sign-in-again.tsx';
import { useSessionKeeper } from './session/use-session-keeper.ts';
import { AppProviders } from './providers.tsx';
import { preloadBoardPage } from './route-pages.tsx';
import { useBackendClient } from './use-backend-client.ts';
import { useUnsavedWritesGuard } from './use-unsaved-writes-guard.ts';
import { useWorkspace } from './use-workspace.ts';
import { UpdatePrompt } from './update/update-prompt.tsx';
import { WorkspaceRoutes } from './workspace-routes.tsx';
import type { SignedInUser } from '../features/auth/store/auth-session-store.ts';
import './styles.css';

export function App() {
  return (
    <AppProviders>
      <UpdatePrompt />
      <AppContent />
    </AppProviders>
  );
}

function AppContent() {
  const session = useAuthSession((s) => s.session);
  const signOut = useAuthSession((s) => s.signOut);
  const loadSupabase = useMemo(
    () => backendClientLoader(backendConfig, localAccessTokenGetter(backendConfig.url)),
    [],
  );
  // Only Supabase mode's sign-in form and session keeper use the client outside sync.
  const supabase = useBackendClient(loadSupabase, backendConfig.mode === 'supabase');
  // While the user signs in, fetch what the first sync and board need (supabase-js, the sync
  // code, the board page), so a new device's first pull and board start right after the click
  // (all precached for offline).
  const signedOut = session === null;
  useEffect(() => {
    if (!signedOut) return;
    preloadSyncCode();
    preloadBoardPage();
    loadSupabase().catch(() => undefined);
  }, [signedOut, loadSupabase]);

  if (!session) return <SignInPage config={backendConfig} supabase={supabase} />;
  return (
    <SignedInApp
      key={session.user.id}
      user={session.user}
      loadSupabase={loadSupabase}
      supabase={supabase}
      onSignOut={() => {
        if (backendConfig.mode === 'supabase') {
          void loadSupabase().then((client) => client.auth.signOut());
        }
        signOut();
      }}
    />
  );
}

function SignedInApp(props: {
  user: SignedInUser;
  loadSupabase: BackendClientLoader;
  /** Loaded (Supabase mode only), else null. */
  supabase: ReturnType<typeof useBackendClient>;
  onSignOut: () => void;
}) {
  const workspace = useWorkspace(props.user.id, backendConfig, props.loadSupabase);
  useSessionKeeper(backendConfig, props.supabase, props.user.id);
  useUnsavedWritesGuard();
  if (workspace.state === 'opening') {
    return (
      <p className="page-state" role="status">
        Opening your workspace…
      </p>
    );
  }
  if (workspace.state === 'failed') {
    return (
      <div className="page-state" role="alert">
        <p>This browser could not open the local store: {workspace.message}</p>
        <p>Leadlanes needs IndexedDB; private windows in some browsers turn it off.</p>
      </div>
    );
  }
  const { db, engine } = workspace.workspace;
  return (
    <>
      <SignInAgain
        config={backendConfig}
        supabase={props.supabase}
        user={props.user}
        db={db}
        onSignedIn={() => void engine.syncNow().catch(() => undefined)}
      />
      <WorkspaceRoutes
        user={props.user}
        workspace={workspace.workspace}
        onSignOut={props.onSignOut}
      />
    </>
  );
}
