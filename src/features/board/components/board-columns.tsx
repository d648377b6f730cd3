import {
  DragDropContext,
  type BeforeCapture,
  type DragStart,
  type DragUpdate,
  type DropResult,
} from '@hello-pangea/dnd';
import { useEffect, useMemo, useRef } from 'react';
import type { Lead } from '../../../sync/types.ts';
import { useBoardUiStore } from '../store/board-ui-store.ts';
import { useSelectionStore } from '../store/selection-store.ts';
import {
  bulkDragStartMessage,
  dragEndMessage,
  dragStartMessage,
  dragUpdateMessage,
  type AnnouncementContext,
} from '../lib/announcements.ts';
import type { ColumnForecast } from '../lib/forecast.ts';
import type { BoardColumn as Column } from '../lib/group-columns.ts';
import { keepBodyStyleForKeyboardDrag } from '../lib/keyboard-drag-body.ts';
import { lazyLeadLookup } from '../lib/lead-lookup.ts';
import { relayDetachedTouches } from '../lib/relay-detached-touches.ts';
import { BoardColumn, type QuickAddLeadHandler } from './board-column.tsx';
import { BoardScroller } from './board-scroller.tsx';
import type { CardContext } from './card-context.ts';

/**
 * Scrolls the board sideways to centre the column holding `droppableId`. The library moves a
 * keyboard-lifted card only into a column it sees whole, so the neighbours must be on screen
 * too for the next arrow press; it follows its scroll parent (the board) while a drag is on.
 */
function revealColumn(droppableId: string) {
  const list = document.querySelector(`[data-rfd-droppable-id="${CSS.escape(droppableId)}"]`);
  const column = list?.closest('.board-column');
  const board = column?.closest('.board-scroller');
  if (!column || !board) return;
  const { left, width } = column.getBoundingClientRect();
  const frame = board.getBoundingClientRect();
  const offset = left + width / 2 - (frame.left + frame.width / 2);
  if (Math.abs(offset) > 1) board.scrollBy({ left: offset, behavior: 'instant' });
}

/** What a screen reader says on a card: the drag keys, and the keys that select for bulk moves. */
const CARD_INSTRUCTIONS =
  'Press space to pick up the card; arrow keys move it, space drops, escape cancels. ' +
  'Enter opens it. X selects it for a bulk move, Shift+X selects the range from the last ' +
  'selected card, escape clears the selection.';

type BoardColumnsProps = {
  columns: readonly Column[];
  card: CardContext;
  onQuickAdd: QuickAddLeadHandler;
  /** Per status: forecast and WIP standing (src/features/board/lib/forecast.ts). */
  forecasts?: ReadonlyMap<string, ColumnForecast> | undefined;
  /** A drop: the lead, its new status and index within the column as shown. */
  onMove: (lead: Lead, statusId: string, index: number, destination: readonly Lead[]) => void;
  /** A drop of a selected card while others are selected: all of them move (multi-drag). */
  onMoveSelected: (
    draggedId: string,
    statusId: string,
    index: number,
    destination: readonly Lead[],
  ) => void;
  /**
   * Holds the columns as they are while a drag is on and returns the release (the board
   * model's hold): the library keeps indexes into the lists the drag started with.
   */
  holdColumns?: (() => () => void) | undefined;
};

/** The drag-and-drop board: mouse, touch and keyboard moves, with named announcements. */
export function BoardColumns(props: BoardColumnsProps) {
  const { columns, card, onQuickAdd, onMove, onMoveSelected, forecasts, holdColumns } = props;
  // What a drag holds until its drop (or the board's unmount): the columns (cards a pull or
  // another tab adds would shift the lists under it: a keyboard drop one column too far, a touch
  // lift lost) and, for a keyboard drag, the body's styles (see keyboard-drag-body.ts).
  const held = useRef<(() => void)[]>([]);
  const release = () => {
    for (const undo of held.current.splice(0)) undo();
  };
  useEffect(() => release, []);
  // Before the library sets its own styles; every drag starts here, so what an earlier drag
  // left held is let go first.
  function onBeforeCapture({ mode }: BeforeCapture) {
    release();
    held.current.push(keepBodyStyleForKeyboardDrag(mode));
  }
  const collapsed = useBoardUiStore((s) => s.collapsed);
  const toggleCollapsed = useBoardUiStore((s) => s.toggleCollapsed);
  // A touch drag must survive the lifted card's original leaving the DOM (see the module).
  useEffect(() => relayDetachedTouches(), []);

  const lookup = useMemo(() => {
    const byStatus = new Map<string, Column>();
    for (const column of columns) byStatus.set(column.status.id, column);
    return { lead: lazyLeadLookup(columns), byStatus };
  }, [columns]);

  const ctx: AnnouncementContext = {
    leadName: (id) => lookup.lead.get(id)?.full_name ?? 'The lead',
    statusName: (id) => lookup.byStatus.get(id)?.status.name ?? 'an unknown status',
    columnSize: (id) => lookup.byStatus.get(id)?.count ?? 0,
  };

  function onDragUpdate(update: DragUpdate, provided: { announce: (message: string) => void }) {
    provided.announce(dragUpdateMessage(update, ctx));
    if (update.mode === 'SNAP' && update.destination) {
      revealColumn(update.destination.droppableId);
    }
  }

  // Dragging a selected card carries the whole selection; dragging any other card drops the
  // selection (the usual multi-drag pattern: the selection never moves by surprise).
  function onDragStart(start: DragStart, provided: { announce: (message: string) => void }) {
    const releaseColumns = holdColumns?.();
    if (releaseColumns) held.current.push(releaseColumns);
    const selection = useSelectionStore.getState();
    if (selection.ids.includes(start.draggableId) && selection.ids.length > 1) {
      selection.setDragging(start.draggableId);
      const from = ctx.statusName(start.source.droppableId);
      provided.announce(
        bulkDragStartMessage(selection.ids.length, ctx.leadName(start.draggableId), from),
      );
      return;
    }
    if (selection.ids.length > 0) selection.clear();
    provided.announce(dragStartMessage(start, ctx));
  }

  function onDragEnd(result: DropResult, provided: { announce: (message: string) => void }) {
    const { destination, source, draggableId } = result;
    // Everything below reads the held columns (what the user saw while dragging); the move it
    // makes is shown on top of what arrived meanwhile, in the same render.
    release();
    const selection = useSelectionStore.getState();
    if (selection.dragging !== null) {
      selection.setDragging(null);
      const target = destination && lookup.byStatus.get(destination.droppableId);
      if (result.reason === 'CANCEL' || !target) {
        provided.announce(
          `Move cancelled. The ${selection.ids.length} selected leads stay where they were.`,
        );
        return;
      }
      // The result (names and undo hint) is announced by the board's status line.
      provided.announce(`Dropped ${selection.ids.length} leads in ${target.status.name}.`);
      onMoveSelected(draggableId, target.status.id, destination.index, target.leads);
      return;
    }
    provided.announce(dragEndMessage(result, ctx));
    if (!destination) return;
    if (destination.droppableId === source.droppableId && destination.index === source.index) {
      return;
    }
    // Where the library says it came from; the search only if that no longer holds it.
    const atSource = lookup.byStatus.get(source.droppableId)?.leads[source.index];
    const lead = atSource?.id === draggableId ? atSource : lookup.lead.get(draggableId);
    const target = lookup.byStatus.get(destination.droppableId);
    if (lead && target) onMove(lead, target.status.id, destination.index, target.leads);
  }

  return (
    <DragDropContext
      dragHandleUsageInstructions={CARD_INSTRUCTIONS}
      onBeforeCapture={onBeforeCapture}
      onDragStart={onDragStart}
      onDragUpdate={onDragUpdate}
      onDragEnd={onDragEnd}
    >
      <BoardScroller>
        <div className="board-columns">
          {columns.map((column) => (
            <BoardColumn
              key={column.status.id}
              column={column}
              collapsed={!!collapsed[column.status.id]}
              onToggleCollapsed={toggleCollapsed}
              card={card}
              onQuickAdd={onQuickAdd}
              forecast={forecasts?.get(column.status.id)}
            />
          ))}
        </div>
      </BoardScroller>
    </DragDropContext>
  );
}
