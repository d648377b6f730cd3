import { useLiveQuery } from 'dexie-react-hooks';
import { Redirect, Route, Switch } from 'wouter';
import { FEATURES } from '../config/features.ts';
import type { SignedInUser } from '../features/auth/store/auth-session-store.ts';
import { DashboardLayout } from './dashboard-layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { BoardPage, PageLoading, PipelinesPage } from './route-pages.tsx';
import type { Workspace } from './use-workspace.ts';

interface WorkspaceRoutesProps {
  user: SignedInUser;
  workspace: Workspace;
  onSignOut: () => void;
}

export function WorkspaceRoutes({ user, workspace, onSignOut }: WorkspaceRoutesProps) {
  const { db, engine } = workspace;
  // The synced profile is the truth about the role (RLS enforces it server-side anyway).
  const profile = useLiveQuery(() => db.profiles.get(user.id), [db, user.id]);
  const current: SignedInUser = profile
    ? { ...user, full_name: profile.full_name, role: profile.role }
    : user;

  return (
    <DashboardLayout user={current} onSignOut={onSignOut}>
      <Switch>
        <Route path="/">
          <Redirect to="/dashboard/leads" replace />
        </Route>
        <Route path="/dashboard">
          <Redirect to="/dashboard/leads" replace />
        </Route>
        <Route path="/dashboard/leads">
          <PageLoading label="Loading the board…">
            <BoardPage
              db={db}
              user={current}
              engine={engine}
              showPipelineSelector={FEATURES.PIPELINE_MANAGEMENT}
              {...(FEATURES.PIPELINE_MANAGEMENT ? { pipelinesHref: '/dashboard/pipelines' } : {})}
            />
          </PageLoading>
        </Route>
        {FEATURES.PIPELINE_MANAGEMENT && (
          <Route path="/dashboard/pipelines">
            <PageLoading label="Loading pipelines…">
              <PipelinesPage db={db} user={current} />
            </PageLoading>
          </Route>
        )}
        <Route>
          <NotFoundPage />
        </Route>
      </Switch>
    </DashboardLayout>
  );
}
