import { describe, expect, it } from 'vitest';
import type { Lead } from '../types.ts';
import { joiningPartial, withChanges, withLead, withoutLead } from './column-list.ts';

const lead = (id: string, position: string) => ({ id, position }) as Lead;
const ids = (list: readonly Lead[]) => list.map((l) => l.id);

describe('withChanges', () => {
  it('gives what one withoutLead / withLead per lead gives, in one pass', () => {
    const list = ['b', 'd', 'f', 'h'].map((p) => lead(p, p));
    const moved = lead('d', 'g'); // moves down within the column
    const added = [lead('a', 'a'), moved, lead('z', 'z')];
    const gone = new Set(['d', 'f']);

    let oneByOne: readonly Lead[] = list;
    for (const id of gone) {
      const before = list.find((l) => l.id === id);
      if (before) oneByOne = withoutLead(oneByOne, before);
    }
    for (const l of added) oneByOne = withLead(oneByOne, l);

    expect(ids(withChanges(list, gone, added))).toEqual(ids(oneByOne));
    expect(ids(withChanges(list, gone, added))).toEqual(['a', 'b', 'd', 'h', 'z']);
    expect(ids(list)).toEqual(['b', 'd', 'f', 'h']); // copy on write
  });

  it('breaks position ties by id, like the board order', () => {
    const list = [lead('1', 'm'), lead('3', 'm')];
    expect(ids(withChanges(list, new Set(), [lead('2', 'm')]))).toEqual(['1', '2', '3']);
  });
});

describe('joiningPartial', () => {
  const shown = ['b', 'd', 'f'].map((p) => lead(p, p)); // the first screenful of a longer column

  it('takes leads sorting inside what a full screenful shows, and no others', () => {
    const incoming = [lead('c', 'c'), lead('x', 'x')].map((l) => ({ lead: l, wasShown: false }));
    expect(ids(joiningPartial(shown, new Set(), incoming, 3))).toEqual(['c']);
  });

  it('always takes a lead it showed, and any while short of a screenful', () => {
    const incoming = [
      { lead: lead('w', 'w'), wasShown: false },
      { lead: lead('d', 'y'), wasShown: true }, // moved to below what is loaded
      { lead: lead('z', 'z'), wasShown: false },
    ];
    // With `d` leaving, the column shows two: it fills up to 3 with `w`, takes `d` back…
    expect(ids(joiningPartial(shown, new Set(['d']), incoming, 3))).toEqual(['w', 'd']);
    // …and with room for more, the rest too.
    expect(ids(joiningPartial(shown, new Set(['d']), incoming, 10))).toEqual(['w', 'd', 'z']);
  });
});
