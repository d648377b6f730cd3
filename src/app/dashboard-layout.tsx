import { NavLink, Outlet } from 'react-router';
import { FEATURES } from '../config/features.ts';
import type { SignedInUser } from '../features/auth/store/auth-session-store.ts';

interface DashboardLayoutProps {
  user: SignedInUser;
  onSignOut: () => void;
}

export function DashboardLayout({ user, onSignOut }: DashboardLayoutProps) {
  return (
    <>
      <header className="app-header">
        <p className="app-header__brand">Leadlanes</p>
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink to="/dashboard/leads">Board</NavLink>
            </li>
            {FEATURES.PIPELINE_MANAGEMENT && (
              <li>
                <NavLink to="/dashboard/pipelines">Pipelines</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="app-header__user">
          <span>
            {user.full_name} · {user.role === 'manager' ? 'Manager' : 'Agent'}
          </span>
          <button type="button" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main className="app-main" id="main">
        <Outlet />
      </main>
    </>
  );
}
