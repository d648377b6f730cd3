import { describe, expect, it } from 'vitest';
import { placeMenu } from './menu-position.ts';

const viewport = { width: 1440, height: 900 };

describe('placeMenu', () => {
  it('opens below the button when the menu fits', () => {
    const p = placeMenu({ top: 100, bottom: 120, left: 40 }, { width: 160, height: 200 }, viewport);
    expect(p).toMatchObject({ top: 122, left: 40, flipped: false });
  });

  it('flips above the button near the bottom edge', () => {
    const p = placeMenu({ top: 800, bottom: 820, left: 40 }, { width: 160, height: 200 }, viewport);
    expect(p.flipped).toBe(true);
    expect(p.top).toBe(598);
  });

  it('is pushed back inside the right edge', () => {
    const p = placeMenu(
      { top: 100, bottom: 120, left: 1400 },
      { width: 160, height: 200 },
      viewport,
    );
    expect(p.left).toBe(1440 - 160 - 8);
  });
});
