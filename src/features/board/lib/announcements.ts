import type { DragStart, DragUpdate, DropResult } from '@hello-pangea/dnd';

/** What the screen-reader messages need to know about the board. */
export type AnnouncementContext = {
  leadName: (leadId: string) => string;
  statusName: (statusId: string) => string;
  columnSize: (statusId: string) => number;
};

// The library's default messages speak of "item 3 in list 2"; these name the lead and statuses.

export function dragStartMessage(start: DragStart, ctx: AnnouncementContext): string {
  const { droppableId, index } = start.source;
  return (
    `Picked up ${ctx.leadName(start.draggableId)} in ${ctx.statusName(droppableId)}, ` +
    `position ${index + 1} of ${ctx.columnSize(droppableId)}. ` +
    'Use the arrow keys to move, space to drop, escape to cancel.'
  );
}

export function dragUpdateMessage(update: DragUpdate, ctx: AnnouncementContext): string {
  const name = ctx.leadName(update.draggableId);
  const { destination, source } = update;
  if (!destination) return `${name} is not over a status. Dropping now would cancel the move.`;
  if (destination.droppableId === source.droppableId) {
    return `${name} moved to position ${destination.index + 1} in ${ctx.statusName(destination.droppableId)}.`;
  }
  return (
    `${name} moved from ${ctx.statusName(source.droppableId)} to ` +
    `${ctx.statusName(destination.droppableId)}, position ${destination.index + 1}.`
  );
}

export function dragEndMessage(result: DropResult, ctx: AnnouncementContext): string {
  const name = ctx.leadName(result.draggableId);
  const from = ctx.statusName(result.source.droppableId);
  if (result.reason === 'CANCEL' || !result.destination) {
    return `Move cancelled. ${name} stays in ${from}, position ${result.source.index + 1}.`;
  }
  const to = ctx.statusName(result.destination.droppableId);
  const where = `position ${result.destination.index + 1}`;
  return to === from
    ? `${name} dropped in ${to}, ${where}.`
    : `${name} moved from ${from} to ${to}, ${where}. Press Control+Z to undo.`;
}

/**
 * Said politely when notices about changes made while the user was away arrive: the one
 * sentence when there is one, else the count and where to read them.
 */
export function conflictsMessage(notices: readonly { message: string }[]): string {
  const [only] = notices;
  if (!only) return '';
  if (notices.length === 1) return `Changed while you were away: ${only.message}`;
  return `${notices.length} changes while you were away. The list is in the board header.`;
}
