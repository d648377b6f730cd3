import type { ReactNode } from 'react';
import { FEATURES } from '../config/features.ts';
import type { SignedInUser } from '../features/auth/store/auth-session-store.ts';
import { NavLink } from './nav-link.tsx';

interface DashboardLayoutProps {
  user: SignedInUser;
  onSignOut: () => void;
  children: ReactNode;
}

export function DashboardLayout({ user, onSignOut, children }: DashboardLayoutProps) {
  return (
    <>
      <header className="app-header">
        <p className="app-header__brand">Leadlanes</p>
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink href="/dashboard/leads">Board</NavLink>
            </li>
            {FEATURES.PIPELINE_MANAGEMENT && (
              <li>
                <NavLink href="/dashboard/pipelines">Pipelines</NavLink>
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
        {children}
      </main>
    </>
  );
}
