import { Draggable, type DroppableProvided, type DroppableStateSnapshot } from '@hello-pangea/dnd';
import { useLayoutEffect, useState } from 'react';
import type { Lead } from '../../../sync/types.ts';
import { useFixedRowWindow } from '../hooks/use-fixed-row-window.ts';
import { useBoardScroller } from './board-scroller.tsx';
import type { CardContext } from './card-context.ts';
import { LeadCard } from './lead-card.tsx';

/**
 * Cards have one fixed height: drag geometry and the window (use-fixed-row-window.ts) agree
 * without measuring anything.
 */
// Dense on purpose: at 1440×900 a column shows at least six cards (the e2e test counts them).
export const CARD_HEIGHT = 100;
const CARD_GAP = 6;
const ROW_SIZE = CARD_HEIGHT + CARD_GAP;
/**
 * Used while the board has no height yet (before layout, or in jsdom): a zero-sized viewport
 * would render no card at all; a screenful is the better guess.
 */
const FALLBACK_HEIGHT = 800;

type VirtualLeadListProps = {
  statusName: string;
  leads: readonly Lead[];
  provided: DroppableProvided;
  snapshot: DroppableStateSnapshot;
  card: CardContext;
};

/**
 * Where the list starts in the board's scroll area (below its column's header and quick add),
 * kept up to date as those change height. Only which cards are rendered depends on it, never
 * where they are drawn, so being a few pixels behind is harmless.
 */
function useListOffset(scroller: HTMLElement | null, list: HTMLElement | null): number {
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    if (!scroller || !list) return;
    const measure = () => {
      const top =
        list.getBoundingClientRect().top -
        scroller.getBoundingClientRect().top +
        scroller.scrollTop;
      setOffset((previous) => (Math.abs(previous - top) < 1 ? previous : top));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    const above = list.closest('.board-column')?.querySelector('.column-top');
    observer.observe(above ?? list);
    return () => observer.disconnect();
  }, [scroller, list]);
  return offset;
}

/**
 * A column's cards, windowed: only the visible ones (plus a few overscanned, which the drag
 * library needs to see the neighbours) are in the DOM, whatever the column holds.
 */
export function VirtualLeadList({
  statusName,
  leads,
  provided,
  snapshot,
  card,
}: VirtualLeadListProps) {
  // The board scrolls, not the column (see board-scroller.tsx): the window follows the board.
  const scroller = useBoardScroller();
  const [list, setList] = useState<HTMLUListElement | null>(null);
  const scrollMargin = useListOffset(scroller, list);
  // In virtual mode the library cannot insert its placeholder: make room with one blank row.
  const count = leads.length + (snapshot.isUsingPlaceholder ? 1 : 0);
  const { start, end } = useFixedRowWindow({
    scroller,
    count,
    rowSize: ROW_SIZE,
    offset: scrollMargin,
    overscan: 4,
    fallbackHeight: FALLBACK_HEIGHT,
  });
  // The library's provided values are plain props (its innerRef is a callback), not React refs.
  const { innerRef, droppableProps } = provided;
  const rows: number[] = [];
  for (let index = start; index < end; index++) rows.push(index);

  return (
    <div
      ref={innerRef}
      {...droppableProps}
      className={['column-scroll', snapshot.isDraggingOver && 'is-drag-over']
        .filter(Boolean)
        .join(' ')}
    >
      <ul
        ref={setList}
        aria-label={statusName}
        className="column-list"
        style={{ height: count * ROW_SIZE, position: 'relative' }}
      >
        {rows.map((index) => {
          // The placeholder's blank row has no lead.
          const lead = leads[index];
          if (!lead) return null;
          return (
            <Draggable key={lead.id} draggableId={lead.id} index={index}>
              {(dragProvided, dragSnapshot) => (
                <LeadCard
                  {...card.cardProps(lead)}
                  provided={dragProvided}
                  isDragging={dragSnapshot.isDragging}
                  style={{
                    position: 'absolute',
                    top: 0,
                    translate: `0 ${index * ROW_SIZE}px`,
                    left: 0,
                    right: 0,
                    height: CARD_HEIGHT,
                  }}
                />
              )}
            </Draggable>
          );
        })}
      </ul>
      {leads.length === 0 && (
        // Also a hint for mouse users that an empty column takes drops.
        <p className="column-empty" aria-hidden={snapshot.isDraggingOver || undefined}>
          {snapshot.isDraggingOver ? 'Drop here' : 'No leads here. Drag one in.'}
        </p>
      )}
    </div>
  );
}
