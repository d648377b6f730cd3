import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { placeMenu, type MenuPlacement } from './menu-position.ts';
import './menu-button.css';

export type MenuItem = { id: string; label: string; disabled?: boolean };

type MenuButtonProps = {
  /** Visible content of the button (text, or an icon when `ariaLabel` names it). */
  label: ReactNode;
  /** Accessible name of the button when the visible text is not enough (e.g. names the card). */
  ariaLabel?: string;
  /** Accessible name of the menu. */
  menuLabel: string;
  items: readonly MenuItem[];
  onSelect: (id: string) => void;
  className?: string;
};

/**
 * WAI-ARIA menu button: Enter/Space/ArrowDown open it on the first item, arrows and Home/End move,
 * Enter selects, Escape or Tab closes and focus goes back to the button. The menu is portalled
 * to <body> with fixed coordinates, so no card or scrolling column can clip it or sit on top of
 * it, and it flips above the button near the bottom of the screen.
 */
export function MenuButton({
  label,
  ariaLabel,
  menuLabel,
  items,
  onSelect,
  className,
}: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLLIElement | null)[]>([]);
  const menuRef = useRef<HTMLUListElement>(null);
  const [placement, setPlacement] = useState<MenuPlacement | null>(null);
  const enabled = items.map((item, i) => (item.disabled ? -1 : i)).filter((i) => i >= 0);

  // Focus waits for the measured position: a hidden element cannot take focus.
  const placed = placement !== null;
  useEffect(() => {
    if (open && placed) itemRefs.current[active]?.focus();
  }, [open, placed, active]);

  // Measure once the menu is in the DOM, before paint, and again when the page moves under it.
  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const button = buttonRef.current?.getBoundingClientRect();
      const menu = menuRef.current;
      if (!button || !menu) return;
      setPlacement(
        placeMenu(
          button,
          { width: menu.offsetWidth, height: menu.scrollHeight },
          { width: window.innerWidth, height: window.innerHeight },
        ),
      );
    };
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [open]);

  // A press anywhere else closes the menu (focus may not move when the press lands on text).
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (menuRef.current?.contains(target) || buttonRef.current?.contains(target)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function openAt(index: number | undefined) {
    if (index === undefined) return;
    setActive(index);
    setOpen(true);
  }

  function close(refocus: boolean) {
    setOpen(false);
    setPlacement(null);
    if (refocus) buttonRef.current?.focus();
  }

  function step(delta: number) {
    const pos = enabled.indexOf(active);
    const next = enabled[(pos + delta + enabled.length) % enabled.length];
    if (next !== undefined) setActive(next);
  }

  function onMenuKeyDown(event: React.KeyboardEvent) {
    // Keep keys away from the drag-and-drop handle the menu sits next to.
    event.stopPropagation();
    const keys: Record<string, () => void> = {
      ArrowDown: () => step(1),
      ArrowUp: () => step(-1),
      Home: () => openAt(enabled[0]),
      End: () => openAt(enabled[enabled.length - 1]),
      Escape: () => close(true),
      Tab: () => close(false),
      Enter: () => choose(active),
      ' ': () => choose(active),
    };
    const action = keys[event.key];
    if (!action) return;
    if (event.key !== 'Tab') event.preventDefault();
    action();
  }

  function choose(index: number) {
    const item = items[index];
    if (!item || item.disabled) return;
    close(true);
    onSelect(item.id);
  }

  return (
    <div className={['menu-button', className].filter(Boolean).join(' ')}>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={ariaLabel}
        onClick={() => (open ? close(false) : openAt(enabled[0]))}
        onKeyDown={(event) => {
          event.stopPropagation();
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            openAt(enabled[0]);
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            openAt(enabled[enabled.length - 1]);
          }
        }}
      >
        {label}
      </button>
      {open &&
        createPortal(
          <ul
            ref={menuRef}
            id={menuId}
            role="menu"
            aria-label={menuLabel}
            className="menu-list"
            style={
              placement
                ? { top: placement.top, left: placement.left, maxHeight: placement.maxHeight }
                : // Laid out but unseen until measured, so it never flashes in the wrong place.
                  { top: 0, left: 0, visibility: 'hidden' }
            }
            onKeyDown={onMenuKeyDown}
            onBlur={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget)) close(false);
            }}
          >
            {items.map((item, index) => (
              <li
                key={item.id}
                ref={(el) => {
                  itemRefs.current[index] = el;
                }}
                role="menuitem"
                tabIndex={index === active ? 0 : -1}
                aria-disabled={item.disabled || undefined}
                onClick={() => choose(index)}
                onKeyDown={() => undefined}
              >
                {item.label}
              </li>
            ))}
          </ul>,
          document.body,
        )}
    </div>
  );
}
