import { describe, expect, it } from 'vitest';
import {
  compareByPosition,
  positionBetween,
  positionForIndex,
  positionForIndexWithout,
  insertionIndex,
  sortedIndexOf,
} from './ordering.ts';

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('positionBetween', () => {
  it('makes keys strictly between its bounds, with jitter', () => {
    const a = positionBetween(null, null);
    const b = positionBetween(a, null);
    const mid = positionBetween(a, b);
    expect(a < mid && mid < b).toBe(true);
    expect(positionBetween(null, a) < a).toBe(true);
  });

  it('gives two devices dropping into the same slot different keys', () => {
    const [low, high] = ['a0', 'a1'];
    const one = positionBetween(low, high, seeded(1));
    const two = positionBetween(low, high, seeded(2));
    expect(one).not.toBe(two);
    for (const k of [one, two]) expect(low < k && k < high).toBe(true);
  });

  it('keeps order over many inserts at the same spot', () => {
    const keys = [positionBetween(null, null)];
    for (let i = 0; i < 200; i++)
      keys.splice(1, 0, positionBetween(keys[0] ?? null, keys[1] ?? null));
    const sorted = [...keys].sort();
    expect(new Set(keys).size).toBe(keys.length);
    expect(sorted[0]).toBe(keys[0]);
  });
});

describe('compareByPosition', () => {
  it('breaks equal keys by id so every replica shows the same order', () => {
    const cards = [
      { id: 'b', position: 'a0' },
      { id: 'a', position: 'a0' },
      { id: 'c', position: 'Zz' },
    ];
    expect(cards.sort(compareByPosition).map((c) => c.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('positionForIndex', () => {
  it('drops at the top, middle and end of a column', () => {
    const column = [{ position: 'a0' }, { position: 'a1' }];
    expect(positionForIndex(column, 0) < 'a0').toBe(true);
    const mid = positionForIndex(column, 1);
    expect('a0' < mid && mid < 'a1').toBe(true);
    expect(positionForIndex(column, 2) > 'a1').toBe(true);
  });

  it('never fails between tied neighbours', () => {
    const column = [{ position: 'a0' }, { position: 'a0' }, { position: 'a2' }];
    const key = positionForIndex(column, 1);
    expect('a0' < key && key < 'a2').toBe(true);
  });
});

describe('positionForIndexWithout', () => {
  it('gives what positionForIndex gives on the column without the moving card', () => {
    const positions = ['a0', 'a1', 'a1', 'a1', 'a3', 'a4', 'a4'];
    const column = positions.map((position, i) => ({ id: `c${i}`, position }));
    const fixed = () => 0.5;
    // Cards from another column (not in this one), with keys before, among (ties included)
    // and after this column's.
    const elsewhere = ['Zz', 'a0', 'a1', 'a2', 'a4', 'a9'].map((position, i) => ({
      id: `e${i}`,
      position,
    }));
    // Every card moving, every drop index (one past the end included).
    for (const moving of [...column, ...elsewhere]) {
      const others = column.filter((c) => c.id !== moving.id);
      for (let index = 0; index <= others.length + 1; index++) {
        expect(positionForIndexWithout(column, moving, index, fixed)).toBe(
          positionForIndex(others, index, fixed),
        );
      }
    }
  });
});

describe('insertionIndex', () => {
  it('finds a card where compareByPosition puts it, ties broken by id', () => {
    const column = [
      { id: 'b', position: 'a0' },
      { id: 'a', position: 'a1' },
      { id: 'c', position: 'a1' },
      { id: 'd', position: 'a3' },
    ];
    column.forEach((card, i) => expect(insertionIndex(column, card)).toBe(i));
    expect(insertionIndex(column, { id: 'b', position: 'a1' })).toBe(2);
    expect(insertionIndex(column, { id: 'z', position: 'a4' })).toBe(4);
    expect(insertionIndex([], { id: 'z', position: 'a4' })).toBe(0);
  });

  it('sortedIndexOf finds a card by its key, or says it is not there', () => {
    const column = [
      { id: 'b', position: 'a0' },
      { id: 'a', position: 'a1' },
      { id: 'c', position: 'a1' },
    ];
    column.forEach((card, i) => expect(sortedIndexOf(column, card)).toBe(i));
    expect(sortedIndexOf(column, { id: 'z', position: 'a1' })).toBe(-1);
    expect(sortedIndexOf([], { id: 'a', position: 'a1' })).toBe(-1);
  });
});
