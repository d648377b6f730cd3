import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, keepShown, selectRange, toggleCard } from './card-selection.ts';

const column = ['a', 'b', 'c', 'd', 'e'];

describe('card selection', () => {
  it('toggles one card in and out; the last card toggled on is the anchor', () => {
    const one = toggleCard(EMPTY_SELECTION, 'b');
    expect(one).toEqual({ ids: ['b'], anchor: 'b' });
    const two = toggleCard(one, 'd');
    expect(two).toEqual({ ids: ['b', 'd'], anchor: 'd' });
    // Taking the anchor out hands it to the last one still selected.
    expect(toggleCard(two, 'd')).toEqual({ ids: ['b'], anchor: 'b' });
    expect(toggleCard(two, 'b')).toEqual({ ids: ['d'], anchor: 'd' });
    expect(toggleCard(toggleCard(one, 'b'), 'b')).toEqual({ ids: ['b'], anchor: 'b' });
  });

  it('adds the displayed range from the anchor, downwards or upwards, keeping earlier picks', () => {
    const down = selectRange(toggleCard(EMPTY_SELECTION, 'b'), 'd', column);
    expect(down).toEqual({ ids: ['b', 'c', 'd'], anchor: 'b' });
    const up = selectRange(toggleCard(EMPTY_SELECTION, 'd'), 'a', column);
    expect(up.ids.toSorted()).toEqual(['a', 'b', 'c', 'd']);
    // A card picked elsewhere stays; nothing is added twice.
    const mixed = selectRange({ ids: ['x', 'c'], anchor: 'c' }, 'e', column);
    expect(mixed).toEqual({ ids: ['x', 'c', 'd', 'e'], anchor: 'c' });
  });

  it('is a plain toggle when there is no anchor in that column', () => {
    expect(selectRange(EMPTY_SELECTION, 'c', column)).toEqual({ ids: ['c'], anchor: 'c' });
    const elsewhere = { ids: ['x'], anchor: 'x' };
    expect(selectRange(elsewhere, 'c', column)).toEqual({ ids: ['x', 'c'], anchor: 'c' });
  });

  it('drops cards that left the board, and returns the same object when none did', () => {
    const selection = { ids: ['a', 'b', 'c'], anchor: 'c' };
    expect(keepShown(selection, new Set(['a', 'b', 'c', 'z']))).toBe(selection);
    expect(keepShown(selection, new Set(['a']))).toEqual({ ids: ['a'], anchor: null });
    expect(keepShown(selection, new Set(['c']))).toEqual({ ids: ['c'], anchor: 'c' });
  });
});
