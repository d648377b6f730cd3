/** Where a popup menu goes: below its button, or above when there is no room below. */
export type MenuPlacement = { top: number; left: number; maxHeight: number; flipped: boolean };

const MARGIN = 8;

/**
 * Fixed-position coordinates for a menu of `menuHeight` px anchored to `anchor` inside a
 * `viewport` (both in client px). It opens downwards when it fits, else upwards when more room is
 * there, and is shifted back inside the viewport horizontally; it never runs off screen.
 */
export function placeMenu(
  anchor: { top: number; bottom: number; left: number },
  menu: { width: number; height: number },
  viewport: { width: number; height: number },
): MenuPlacement {
  const below = viewport.height - anchor.bottom - MARGIN;
  const above = anchor.top - MARGIN;
  const flipped = menu.height > below && above > below;
  const maxHeight = Math.max(0, flipped ? above : below);
  const height = Math.min(menu.height, maxHeight);
  const top = flipped ? anchor.top - height - 2 : anchor.bottom + 2;
  const left = Math.max(MARGIN, Math.min(anchor.left, viewport.width - menu.width - MARGIN));
  return { top, left, maxHeight, flipped };
}
