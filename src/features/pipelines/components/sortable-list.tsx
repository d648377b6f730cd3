import { useState, type ReactNode } from 'react';
import { DragDropContext, Draggable, Droppable, type DropResult } from '@hello-pangea/dnd';
import { GripVertical } from 'lucide-react';
import { moveItem } from '../lib/reorder.ts';

type SortableListProps<T> = {
  /** Unique per page (the droppable id). */
  id: string;
  /** Accessible name of the list. */
  label: string;
  items: readonly T[];
  getKey: (item: T) => string;
  getName: (item: T) => string;
  /** Read-only lists render plain rows, no handles or move buttons. */
  sortable: boolean;
  /** The full new order, after a drag or a move button. */
  onReorder: (ordered: T[]) => void;
  /** How many leading items keep their place (the default pipeline always comes first). */
  fixedCount?: number;
  renderItem: (item: T, index: number) => ReactNode;
};

const INSTRUCTIONS =
  'Press space to pick up. Use the up and down arrow keys to move, space to drop, escape to cancel.';

/**
 * A reorderable list three ways: mouse/touch drag, keyboard drag (the handle: space, arrows,
 * space, as @hello-pangea/dnd announces), and plain "Move up/down" buttons.
 */
export function SortableList<T>(props: SortableListProps<T>) {
  const { id, label, items, getKey, getName, sortable, onReorder, renderItem } = props;
  const fixed = props.fixedCount ?? 0;
  // The dropped order shows at once; it is dropped as soon as the store returns new items.
  const [pending, setPending] = useState<{ base: readonly T[]; order: T[] } | null>(null);
  const shown = pending && pending.base === items ? pending.order : items;

  const move = (from: number, to: number) => {
    if (from === to || from < fixed || to < fixed || to >= shown.length) return;
    const order = moveItem(shown, from, to);
    setPending({ base: items, order });
    onReorder(order);
  };

  if (!sortable) {
    return (
      <ol aria-label={label} className="pl-sortable-list">
        {shown.map((item, index) => (
          <li
            key={getKey(item)}
            aria-label={getName(item)}
            className="pl-sortable-row is-read-only"
          >
            {renderItem(item, index)}
          </li>
        ))}
      </ol>
    );
  }

  const onDragEnd = (result: DropResult) => {
    if (result.destination) move(result.source.index, result.destination.index);
  };

  return (
    <DragDropContext onDragEnd={onDragEnd} dragHandleUsageInstructions={INSTRUCTIONS}>
      <Droppable droppableId={id}>
        {(drop) => (
          <ol
            aria-label={label}
            className="pl-sortable-list"
            ref={drop.innerRef}
            {...drop.droppableProps}
          >
            {shown.map((item, index) => {
              const name = getName(item);
              return (
                <Draggable
                  key={getKey(item)}
                  draggableId={getKey(item)}
                  index={index}
                  isDragDisabled={index < fixed}
                >
                  {(drag) => (
                    <li
                      ref={drag.innerRef}
                      aria-label={name}
                      {...drag.draggableProps}
                      className="pl-sortable-row"
                    >
                      {index < fixed ? (
                        // A row that cannot move (the default pipeline stays first) has no handle
                        // to announce: a labelled span without a role is not allowed.
                        <span className="pl-drag-handle-fixed" aria-hidden="true">
                          <GripVertical size={16} />
                        </span>
                      ) : (
                        <span {...drag.dragHandleProps} aria-label={`Reorder ${name}`}>
                          <GripVertical aria-hidden="true" size={16} />
                        </span>
                      )}
                      {renderItem(item, index)}
                      <button
                        type="button"
                        aria-label={`Move ${name} up`}
                        disabled={index <= fixed}
                        onClick={() => move(index, index - 1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        aria-label={`Move ${name} down`}
                        disabled={index < fixed || index === shown.length - 1}
                        onClick={() => move(index, index + 1)}
                      >
                        ↓
                      </button>
                    </li>
                  )}
                </Draggable>
              );
            })}
            {drop.placeholder}
          </ol>
        )}
      </Droppable>
    </DragDropContext>
  );
}
