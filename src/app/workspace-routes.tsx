import { useLiveQuery } from 'dexie-react-hooks';
import { Navigate, Route, Routes } from 'react-router';
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
    <Routes>
      <Route element={<DashboardLayout user={current} onSignOut={onSignOut} />}>
        <Route index element={<Navigate to="/dashboard/leads" replace />} />
        <Route path="dashboard" element={<Navigate to="/dashboard/leads" replace />} />
        <Route
          path="dashboard/leads"
          element={
            <PageLoading label="Loading the board…">
              <BoardPage
                db={db}
                user={current}
                engine={engine}
                showPipelineSelector={FEATURES.PIPELINE_MANAGEMENT}
                {...(FEATURES.PIPELINE_MANAGEMENT ? { pipelinesHref: '/dashboard/pipelines' } : {})}
              />
            </PageLoading>
          }
        />
        {FEATURES.PIPELINE_MANAGEMENT && (
          <Route
            path="dashboard/pipelines"
            element={
              <PageLoading label="Loading pipelines…">
                <PipelinesPage db={db} user={current} />
              </PageLoading>
            }
          />
        )}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
