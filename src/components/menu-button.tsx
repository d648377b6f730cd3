import { useEffect, useId, useRef, useState } from 'react';
import './menu-button.css';

export type MenuItem = { id: string; label: string; disabled?: boolean };

type MenuButtonProps = {
  /** Visible text of the button. */
  label: string;
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
 * Enter selects, Escape or Tab closes and focus goes back to the button.
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
  const enabled = items.map((item, i) => (item.disabled ? -1 : i)).filter((i) => i >= 0);

  useEffect(() => {
    if (open) itemRefs.current[active]?.focus();
  }, [open, active]);

  function openAt(index: number | undefined) {
    if (index === undefined) return;
    setActive(index);
    setOpen(true);
  }

  function close(refocus: boolean) {
    setOpen(false);
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
      {open && (
        <ul
          id={menuId}
          role="menu"
          aria-label={menuLabel}
          className="menu-list"
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
        </ul>
      )}
    </div>
  );
}
