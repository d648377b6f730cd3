/**
 * Which cards are selected for a bulk action, as plain data: ids in the order they were
 * selected, and the anchor a Shift range starts from (the last card toggled on).
 */
export type CardSelection = {
  readonly ids: readonly string[];
  readonly anchor: string | null;
};

export const EMPTY_SELECTION: CardSelection = { ids: [], anchor: null };

/** Ctrl/Cmd+click, the card's checkbox or `x`: one card in or out; it becomes the anchor. */
export function toggleCard(selection: CardSelection, id: string): CardSelection {
  if (selection.ids.includes(id)) {
    const ids = selection.ids.filter((other) => other !== id);
    return { ids, anchor: selection.anchor === id ? (ids.at(-1) ?? null) : selection.anchor };
  }
  return { ids: [...selection.ids, id], anchor: id };
}

/**
 * Shift+click or Shift+X: every card between the anchor and `id` in `column` (the column as
 * displayed, so filters and order are what the user sees) joins the selection. Without an
 * anchor in that column it is a toggle, and `id` becomes the anchor.
 */
export function selectRange(
  selection: CardSelection,
  id: string,
  column: readonly string[],
): CardSelection {
  const from = selection.anchor === null ? -1 : column.indexOf(selection.anchor);
  const to = column.indexOf(id);
  if (from < 0 || to < 0) return toggleCard(selection, id);
  const [low, high] = from < to ? [from, to] : [to, from];
  const chosen = new Set(selection.ids);
  const added = column.slice(low, high + 1).filter((other) => !chosen.has(other));
  return { ids: [...selection.ids, ...added], anchor: selection.anchor };
}

/** Keeps only the cards still on the board (moved away by a pull, filtered out, deleted). */
export function keepShown(
  selection: CardSelection,
  shown: Pick<ReadonlySet<string>, 'has'>,
): CardSelection {
  if (selection.ids.every((id) => shown.has(id))) return selection;
  const ids = selection.ids.filter((id) => shown.has(id));
  const anchor = selection.anchor !== null && shown.has(selection.anchor) ? selection.anchor : null;
  return { ids, anchor };
}
