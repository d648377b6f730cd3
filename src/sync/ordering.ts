import { BASE_62_DIGITS, generateKeyBetween } from 'fractional-indexing';

// Order within a column: fractional-index keys compared as plain strings (the server column is
// `collate "C"`, IndexedDB and JS compare UTF-16 code units: all agree on these ASCII keys).
// Two clients that move a card into the same slot offline would compute the same key, so every
// key gets a short random suffix (jitter). Equal keys can still happen (the server fills missing
// keys without jitter); they are broken by id everywhere, so every replica shows one order.

const JITTER_LENGTH = 4;

function randomSuffix(random: () => number): string {
  let suffix = '';
  for (let i = 0; i < JITTER_LENGTH; i++) {
    // The last digit must not be '0': fractional-indexing refuses keys ending in zero.
    const min = i === JITTER_LENGTH - 1 ? 1 : 0;
    const index = min + Math.floor(random() * (BASE_62_DIGITS.length - min));
    suffix += BASE_62_DIGITS.charAt(index);
  }
  return suffix;
}

/**
 * A key strictly between `before` and `after` (null = open end), with jitter.
 * `random` is injectable so tests can be deterministic.
 */
export function positionBetween(
  before: string | null,
  after: string | null,
  random: () => number = Math.random,
): string {
  let low = before;
  for (let attempt = 0; attempt < 8; attempt++) {
    const key = generateKeyBetween(low, after);
    const jittered = key + randomSuffix(random);
    // key + suffix > key > low always; it stays below `after` unless key is a prefix of it.
    if (after === null || jittered < after) return jittered;
    low = key;
  }
  return generateKeyBetween(before, after);
}

/** Deterministic total order of cards in a column: position, then id. */
export function compareByPosition(
  a: { position: string; id: string },
  b: { position: string; id: string },
): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/**
 * The key to drop a card at `index` of a column that is already sorted by compareByPosition
 * and does not contain the moving card.
 */
export function positionForIndex(
  column: readonly { position: string }[],
  index: number,
  random: () => number = Math.random,
): string {
  return positionInView(column.length, (i) => column[i], index, random);
}

/**
 * positionForIndex over `column` as if the card `moving` (as the column holds it: same id and
 * position) were not in it (a card dropped into the column it came from), without copying the
 * column. The column is sorted by compareByPosition (every board column is), so the card, if
 * there, is found by binary search on its own key: a board column can hold tens of thousands of
 * cards and the drop runs before its frame (a linear search cost ~3 ms a drop at 50,000 leads,
 * scanning the whole column on every drop into another one, which does not hold the card).
 */
export function positionForIndexWithout(
  column: readonly { id: string; position: string }[],
  moving: { id: string; position: string },
  index: number,
  random: () => number = Math.random,
): string {
  const skipped = sortedIndexOf(column, moving);
  if (skipped < 0) return positionForIndex(column, index, random);
  const at = (i: number) => column[i < skipped ? i : i + 1];
  return positionInView(column.length - 1, at, index, random);
}

/** Where `card` belongs in `list` (sorted by compareByPosition): the first index not before it. */
export function insertionIndex(
  list: readonly { id: string; position: string }[],
  card: { id: string; position: string },
): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const there = list[middle];
    if (there !== undefined && compareByPosition(there, card) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Where `card` (same id and position) is in `list` (sorted by compareByPosition), or -1. */
export function sortedIndexOf(
  list: readonly { id: string; position: string }[],
  card: { id: string; position: string },
): number {
  const i = insertionIndex(list, card);
  return list[i]?.id === card.id ? i : -1;
}

function positionInView(
  length: number,
  at: (i: number) => { position: string } | undefined,
  index: number,
  random: () => number,
): string {
  const clamped = Math.max(0, Math.min(index, length));
  const before = at(clamped - 1)?.position ?? null;
  let after = at(clamped)?.position ?? null;
  // Equal neighbours (a tie) leave no key between them: land after the tied group instead,
  // one slot lower than asked, rather than fail the drop.
  if (before !== null && after !== null && after <= before) {
    after = null;
    for (let i = clamped + 1; i < length; i++) {
      const position = at(i)?.position;
      if (position !== undefined && position > before) {
        after = position;
        break;
      }
    }
  }
  return positionBetween(before, after, random);
}
