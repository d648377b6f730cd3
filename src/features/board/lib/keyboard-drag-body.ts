import type { MovementMode } from '@hello-pangea/dnd';

/**
 * The drag library styles <body> while a card is lifted (`cursor: grabbing`, no text selection)
 * and takes it back at the drop. Both properties are inherited, so each switch restyles every
 * element of the page: at the keyboard drop that was a forced style recalculation of the whole
 * document inside the key's task, one of the largest parts of the drop. A keyboard drag needs
 * neither (there is no pointer to show and nothing to select by dragging), so for one the body
 * keeps its own values (board.css, `body.is-keyboard-drag`) and the library's switch restyles
 * the body alone. Mouse and touch drags keep the library's styles.
 *
 * Returns the release, to call at the drop (when the library is back to its resting styles).
 */
export function keepBodyStyleForKeyboardDrag(mode: MovementMode): () => void {
  if (mode !== 'SNAP') return () => undefined;
  const { classList } = document.body;
  classList.add(KEYBOARD_DRAG_CLASS);
  return () => classList.remove(KEYBOARD_DRAG_CLASS);
}

export const KEYBOARD_DRAG_CLASS = 'is-keyboard-drag';
