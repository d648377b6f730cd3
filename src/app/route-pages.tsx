import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';

// Each page is its own chunk, loaded when its route is first shown: the board's first load does
// not carry the pipelines page (its forms, icon picker, drag-sort list), nor the other way round.
// The service worker precaches every chunk, so both still open offline.

const loadBoardPage = () => import('../features/board/components/board-page.tsx');

export const BoardPage = lazy(() => loadBoardPage().then((m) => ({ default: m.BoardPage })));

/**
 * Fetches the board's code while the user signs in (app.tsx), so a new device's first board
 * does not wait for it after the click. A failure is left for the route to meet.
 */
export function preloadBoardPage(): void {
  loadBoardPage().catch(() => undefined);
}

export const PipelinesPage = lazy(() =>
  import('../features/pipelines/components/pipelines-page.tsx').then((m) => ({
    default: m.PipelinesPage,
  })),
);

/** A page while its code loads: a polite status line, in the layout the page will fill. */
export function PageLoading({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p className="page-state" role="status">
          {label}
        </p>
      }
    >
      {children}
    </Suspense>
  );
}
