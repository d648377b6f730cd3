/**
 * Keeps a touch drag alive when the touched card leaves the DOM.
 *
 * A touch's events always go to the element the finger first landed on. On lift,
 * @hello-pangea/dnd draws the dragged card as a clone (virtual lists need it) and unmounts the
 * original, so every later touchmove/touchend goes to a detached node, never reaches the
 * library's window listeners, and the browser takes the gesture for a scroll: the card is lifted
 * but cannot be carried. This relays those events to the window (where the library listens) and
 * passes its preventDefault back, so the finger drags instead of scrolling.
 *
 * Returns the function that stops relaying.
 */
export function relayDetachedTouches(win: Window = window): () => void {
  const relayTypes = ['touchmove', 'touchend', 'touchcancel'] as const;

  function follow(start: TouchEvent) {
    const target = start.target;
    if (!(target instanceof Element) || !target.closest('[data-rfd-drag-handle-draggable-id]')) {
      return;
    }
    const relay = (event: Event) => {
      if (!(event instanceof TouchEvent)) return;
      if (event.type !== 'touchmove') stop();
      // Still in the page: the event reaches the window by itself.
      if (target.isConnected) return;
      const copy = new TouchEvent(event.type, {
        bubbles: true,
        cancelable: event.cancelable,
        touches: [...event.touches],
        targetTouches: [...event.targetTouches],
        changedTouches: [...event.changedTouches],
      });
      win.dispatchEvent(copy);
      if (copy.defaultPrevented && event.cancelable) event.preventDefault();
    };
    const stop = () => {
      for (const type of relayTypes) target.removeEventListener(type, relay);
    };
    for (const type of relayTypes) target.addEventListener(type, relay, { passive: false });
  }

  win.addEventListener('touchstart', follow, { capture: true, passive: true });
  return () => win.removeEventListener('touchstart', follow, { capture: true });
}
