import { Draggable, type DroppableProvided, type DroppableStateSnapshot } from '@hello-pangea/dnd';
import {
  observeElementRect,
  useVirtualizer,
  type Rect,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { Lead } from '../../../sync/types.ts';
import type { CardContext } from './card-context.ts';
import { LeadCard } from './lead-card.tsx';

/** Cards have one fixed height: drag geometry and the virtualizer then agree without measuring. */
// Dense on purpose: at 1440×900 a column shows at least six cards (the e2e test counts them).
export const CARD_HEIGHT = 100;
const CARD_GAP = 6;
/** Used while the column has no measured height yet (before layout, or in jsdom). */
const FALLBACK_RECT: Rect = { width: 288, height: 800 };

// A zero-sized measurement would render no card at all; a screenful is the better guess.
function observeRectWithFallback(
  instance: Virtualizer<HTMLDivElement, Element>,
  cb: (rect: Rect) => void,
) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : FALLBACK_RECT));
}

type VirtualLeadListProps = {
  statusName: string;
  leads: readonly Lead[];
  provided: DroppableProvided;
  snapshot: DroppableStateSnapshot;
  card: CardContext;
};

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
  const scrollRef = useRef<HTMLDivElement | null>(null);
  // In virtual mode the library cannot insert its placeholder: make room with one blank row.
  const count = leads.length + (snapshot.isUsingPlaceholder ? 1 : 0);
  // TanStack Virtual's hook returns functions that the React compiler must not memoise.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT + CARD_GAP,
    getItemKey: (index) => leads[index]?.id ?? '__placeholder__',
    overscan: 4,
    initialRect: FALLBACK_RECT,
    observeElementRect: observeRectWithFallback,
  });

  return (
    <div
      ref={(el) => {
        scrollRef.current = el;
        provided.innerRef(el);
      }}
      {...provided.droppableProps}
      className={['column-scroll', snapshot.isDraggingOver && 'is-drag-over']
        .filter(Boolean)
        .join(' ')}
    >
      <ul
        aria-label={statusName}
        className="column-list"
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const lead = leads[row.index];
          if (!lead) return null;
          return (
            <Draggable key={lead.id} draggableId={lead.id} index={row.index}>
              {(dragProvided, dragSnapshot) => (
                <LeadCard
                  {...card.cardProps(lead)}
                  provided={dragProvided}
                  isDragging={dragSnapshot.isDragging}
                  style={{
                    position: 'absolute',
                    top: row.start,
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
