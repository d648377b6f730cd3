import { createContext, useContext, useState, type ReactNode } from 'react';

/**
 * The board's one scroll area, both ways: wide pipelines scroll sideways here, not the page, so
 * the header and filters stay put. Columns scroll up and down together inside it (their headers
 * stick to its top) rather than each on its own: @hello-pangea/dnd follows a single scroll
 * parent per column besides the window, and this is it — auto-scroll while dragging and the
 * keyboard's column-to-column moves keep working across the whole board.
 */
const BoardScrollerContext = createContext<HTMLElement | null>(null);

/** The board's scroll element, once mounted (null before and outside the board). */
export function useBoardScroller(): HTMLElement | null {
  return useContext(BoardScrollerContext);
}

export function BoardScroller({ children }: { children: ReactNode }) {
  const [element, setElement] = useState<HTMLElement | null>(null);
  return (
    <div ref={setElement} className="board-scroller" role="region" aria-label="Board">
      <BoardScrollerContext value={element}>{element && children}</BoardScrollerContext>
    </div>
  );
}
