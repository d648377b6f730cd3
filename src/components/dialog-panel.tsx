import { useEffect, useId, useRef, type ReactNode } from 'react';
import './dialog-panel.css';

type DialogPanelProps = {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Extra class for size or placement; `dialog-panel--drawer` docks it to the right edge. */
  className?: string;
};

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: labelled by its title, focus moves in on open, Tab stays inside, Escape closes,
 * and focus returns to whatever had it before (the card that opened it). Not the native <dialog>
 * because jsdom cannot run showModal() and the component tests need the real behaviour.
 */
export function DialogPanel({ title, onClose, children, className }: DialogPanelProps) {
  const titleId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);

  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const panel = panelRef.current;
    // The first control of the content, not the header's Close button: forms start typing at once.
    const first = [...(panel?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].find(
      (element) => !element.hasAttribute('data-dialog-close'),
    );
    (first ?? panel)?.focus();
    return () => {
      // The opener may have been re-rendered away (virtual list); only refocus if still there.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCloseRef.current();
      return;
    }
    if (event.key !== 'Tab' || !panelRef.current) return;
    const items = [...panelRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    // A click on the backdrop is a mouse shortcut only; keyboard users have Escape and Close.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      {/* The modal pattern: the dialog itself handles Escape and keeps Tab inside. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        ref={panelRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={['dialog-panel', className].filter(Boolean).join(' ')}
        onKeyDown={onKeyDown}
      >
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button
            type="button"
            className="dialog-close"
            aria-label="Close"
            data-dialog-close
            onClick={onClose}
          >
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
