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

// Bulk moves and reassignments (several selected cards at once).

/** "Jane Doe, Omar Li and Zoe Kim": names as a sentence lists them. */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function leadsCount(count: number): string {
  return `${count} ${count === 1 ? 'lead' : 'leads'}`;
}

export function bulkDragStartMessage(count: number, draggedName: string, from: string): string {
  return (
    `Picked up ${leadsCount(count)} with ${draggedName} in ${from}. ` +
    'Use the arrow keys to move, space to drop, escape to cancel.'
  );
}

export function bulkMoveMessage(names: readonly string[], to: string): string {
  return `Moved ${leadsCount(names.length)} to ${to}: ${listNames(names)}. Press Control+Z to undo.`;
}

export function bulkReassignMessage(names: readonly string[], to: string): string {
  return (
    `Reassigned ${leadsCount(names.length)} to ${to}: ${listNames(names)}. ` +
    'Press Control+Z to undo.'
  );
}

/** What Ctrl/Cmd+Z just undid: one move as before, a bulk step by its leads. */
export function undoMessage(
  step: {
    moves: readonly { leadName: string; fromStatusId: string }[];
    reassigns: readonly { leadName: string }[];
  },
  statusName: (id: string) => string,
): string {
  const [only] = step.moves;
  if (only && step.moves.length === 1 && step.reassigns.length === 0) {
    return `Undid the move of ${only.leadName}: back in ${statusName(only.fromStatusId)}.`;
  }
  if (step.moves.length > 0) {
    const names = step.moves.map((m) => m.leadName);
    return `Undid the move of ${leadsCount(names.length)}: ${listNames(names)} are back where they were.`;
  }
  const names = step.reassigns.map((r) => r.leadName);
  return `Undid the reassignment of ${leadsCount(names.length)}: ${listNames(names)} have their previous agent again.`;
}

/** The server refused part of a bulk action: which leads, and why, in words. */
export function bulkRefusalMessage(
  verb: 'move' | 'reassignment',
  total: number,
  refused: readonly { leadName: string; reason: string }[],
): string {
  const list = refused.map((r) => `${r.leadName} (${r.reason})`).join('; ');
  const kept = total - refused.length;
  return (
    `The server refused ${refused.length} of the ${total} ${verb === 'move' ? 'moves' : 'reassignments'}: ${list}. ` +
    `${refused.length === 1 ? 'That lead is back as the server has it' : 'Those leads are back as the server has them'}` +
    (kept > 0 ? `; the other ${leadsCount(kept)} kept the change.` : '.')
  );
}
