import { useLayoutEffect, useState } from 'react';

export interface RowWindow {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
}

type FixedRowWindowOptions = {
  /** The element that scrolls the list (the board's scroll area). */
  scroller: HTMLElement | null;
  count: number;
  /** Height of one row including the gap below it, in pixels. */
  rowSize: number;
  /** Where the list starts inside the scroller's content, in pixels. */
  offset: number;
  /** Rows rendered beyond each edge of the visible ones. */
  overscan: number;
  /** Viewport height to assume while the scroller has none (before layout, or in jsdom). */
  fallbackHeight: number;
};

/** Rows in sight, in row units, before clamping to the list and adding the overscan. */
interface VisibleRows {
  first: number;
  last: number;
}

type Viewport = Pick<FixedRowWindowOptions, 'scroller' | 'rowSize' | 'offset' | 'fallbackHeight'>;

function visibleRows({ scroller, rowSize, offset, fallbackHeight }: Viewport): VisibleRows {
  const height = scroller && scroller.clientHeight > 0 ? scroller.clientHeight : fallbackHeight;
  const top = (scroller?.scrollTop ?? 0) - offset;
  return { first: Math.floor(top / rowSize), last: Math.ceil((top + height) / rowSize) };
}

/**
 * The rows of a list of equal rows that are in sight, for windowing it. Every row has the same
 * size, so the window is arithmetic on the scroll position: nothing is measured and nothing is
 * kept per row, and a list of 33,000 cards costs what a list of 30 does when it changes (a
 * general virtualizer rebuilds a measurement per row whenever the count changes). It renders
 * again only when scrolling or resizing brings another row into sight, not on every scroll event.
 */
export function useFixedRowWindow(options: FixedRowWindowOptions): RowWindow {
  const { scroller, rowSize, offset, fallbackHeight } = options;
  const [rows, setRows] = useState<VisibleRows>(() => visibleRows(options));
  useLayoutEffect(() => {
    const update = () => {
      const next = visibleRows({ scroller, rowSize, offset, fallbackHeight });
      setRows((before) =>
        before.first === next.first && before.last === next.last ? before : next,
      );
    };
    update();
    if (!scroller) return;
    scroller.addEventListener('scroll', update, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    resize?.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', update);
      resize?.disconnect();
    };
  }, [scroller, rowSize, offset, fallbackHeight]);
  const start = Math.min(options.count, Math.max(0, rows.first - options.overscan));
  const end = Math.max(start, Math.min(options.count, rows.last + options.overscan));
  return { start, end };
}
