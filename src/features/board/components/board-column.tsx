import { Droppable } from '@hello-pangea/dnd';
import { memo, useId } from 'react';
import type { FormErrors } from '../../../sync/form-errors.ts';
import type { BoardColumn as Column } from '../lib/group-columns.ts';
import type { CardContext } from './card-context.ts';
import type { ColumnForecast } from '../lib/forecast.ts';
import { ColumnHeader, WipLimitLine } from './column-header.tsx';
import { LeadCard } from './lead-card.tsx';
import { QuickAddLead } from './quick-add-lead.tsx';
import { VirtualLeadList } from './virtual-lead-list.tsx';

type BoardColumnProps = {
  column: Column;
  collapsed: boolean;
  onToggleCollapsed: (statusId: string) => void;
  card: CardContext;
  onQuickAdd: QuickAddLeadHandler;
  forecast?: ColumnForecast | undefined;
};

export type QuickAddLeadHandler = (
  statusId: string,
  values: { full_name: string; product: string },
) => Promise<FormErrors | null>;

/**
 * One status: header, quick add, and its cards as a windowed drop target. Memoised: the board
 * hands unchanged columns the same props (use-board-columns.ts, use-card-context.ts), so a move
 * re-renders the two columns it touches; a forecast counts as unchanged when its figures are.
 */
export const BoardColumn = memo(BoardColumnView, (before, after) => {
  const { forecast: a, ...restBefore } = before;
  const { forecast: b, ...restAfter } = after;
  return sameForecast(a, b) && shallowEqual(restBefore, restAfter);
});

function sameForecast(a: ColumnForecast | undefined, b: ColumnForecast | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return shallowEqual(a, b);
}

function shallowEqual<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}

function BoardColumnView({
  column,
  collapsed,
  onToggleCollapsed,
  card,
  onQuickAdd,
  forecast,
}: BoardColumnProps) {
  const headingId = useId();
  const { status, leads } = column;
  return (
    <section
      className={[
        'board-column',
        status.is_final && 'is-final',
        collapsed && 'is-collapsed',
        forecast?.overWipLimit && 'is-over-wip',
      ]
        .filter(Boolean)
        .join(' ')}
      aria-labelledby={headingId}
    >
      {/* Header and quick add stay in sight while the board scrolls down (board-scroller.tsx). */}
      <div className="column-top">
        <ColumnHeader
          status={status}
          headingId={headingId}
          count={column.count}
          premiumSum={column.premiumSum}
          collapsed={collapsed}
          onToggleCollapsed={() => onToggleCollapsed(status.id)}
          forecast={forecast}
        />
        {!collapsed && <WipLimitLine forecast={forecast} />}
        {!collapsed && (
          <QuickAddLead
            statusName={status.name}
            onAdd={(values) => onQuickAdd(status.id, values)}
          />
        )}
      </div>
      {!collapsed && (
        <>
          <Droppable
            droppableId={status.id}
            mode="virtual"
            renderClone={(provided, snapshot, rubric) => {
              const lead = leads[rubric.source.index];
              return lead ? (
                <LeadCard
                  {...card.cardProps(lead)}
                  provided={provided}
                  isDragging={snapshot.isDragging}
                  isClone
                />
              ) : (
                // The library always needs an element for the clone's ref.
                <div
                  ref={provided.innerRef}
                  {...provided.draggableProps}
                  {...provided.dragHandleProps}
                />
              );
            }}
          >
            {(provided, snapshot) => (
              <VirtualLeadList
                statusName={status.name}
                leads={leads}
                provided={provided}
                snapshot={snapshot}
                card={card}
              />
            )}
          </Droppable>
        </>
      )}
    </section>
  );
}
