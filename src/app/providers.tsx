import type { ReactNode } from 'react';
import { Router } from 'wouter';

export function AppProviders({ children }: { children: ReactNode }) {
  // wouter's router reads the browser's location (history API). react-query's client lives with
  // the only server-only data the app fetches, the demo-user list
  // (features/auth/components/local-user-chooser-screen.tsx), so the board never loads it.
  return <Router>{children}</Router>;
}
