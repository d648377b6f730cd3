import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router';

export function AppProviders({ children }: { children: ReactNode }) {
  // react-query's client lives with the only server-only data the app fetches, the demo-user
  // list (features/auth/components/local-user-chooser-screen.tsx), so the board never loads it.
  return <BrowserRouter>{children}</BrowserRouter>;
}
