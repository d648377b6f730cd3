import { afterEach, describe, expect, it } from 'vitest';
import { KEYBOARD_DRAG_CLASS, keepBodyStyleForKeyboardDrag } from './keyboard-drag-body.ts';

afterEach(() => document.body.classList.remove(KEYBOARD_DRAG_CLASS));

describe('keepBodyStyleForKeyboardDrag', () => {
  it('marks the body for a keyboard drag until the release', () => {
    const release = keepBodyStyleForKeyboardDrag('SNAP');
    expect(document.body.classList.contains(KEYBOARD_DRAG_CLASS)).toBe(true);
    release();
    expect(document.body.classList.contains(KEYBOARD_DRAG_CLASS)).toBe(false);
  });

  it('leaves mouse and touch drags to the library', () => {
    const release = keepBodyStyleForKeyboardDrag('FLUID');
    expect(document.body.classList.contains(KEYBOARD_DRAG_CLASS)).toBe(false);
    release();
    expect(document.body.classList.contains(KEYBOARD_DRAG_CLASS)).toBe(false);
  });
});
