import { describe, expect, it } from 'vitest';
import {
  bulkDragStartMessage,
  bulkMoveMessage,
  bulkRefusalMessage,
  bulkReassignMessage,
  listNames,
  undoMessage,
} from './announcements.ts';

describe('bulk announcements', () => {
  it('list names as a sentence does', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['A'])).toBe('A');
    expect(listNames(['A', 'B'])).toBe('A and B');
    expect(listNames(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('say what a bulk drag carries and where a bulk action went', () => {
    expect(bulkDragStartMessage(3, 'Jane Doe', 'New')).toBe(
      'Picked up 3 leads with Jane Doe in New. Use the arrow keys to move, space to drop, escape to cancel.',
    );
    expect(bulkMoveMessage(['A', 'B'], 'Won')).toBe(
      'Moved 2 leads to Won: A and B. Press Control+Z to undo.',
    );
    expect(bulkReassignMessage(['A'], 'Ben')).toBe(
      'Reassigned 1 lead to Ben: A. Press Control+Z to undo.',
    );
  });

  it('say what one undo undid: a single move as before, a bulk step by its leads', () => {
    const statusName = (id: string) => (id === 's1' ? 'New' : 'Won');
    const move = (leadName: string) => ({ leadName, fromStatusId: 's1' });
    expect(undoMessage({ moves: [move('A')], reassigns: [] }, statusName)).toBe(
      'Undid the move of A: back in New.',
    );
    expect(undoMessage({ moves: [move('A'), move('B')], reassigns: [] }, statusName)).toBe(
      'Undid the move of 2 leads: A and B are back where they were.',
    );
    expect(undoMessage({ moves: [], reassigns: [{ leadName: 'A' }] }, statusName)).toMatch(
      /^Undid the reassignment of 1 lead: A/,
    );
  });

  it('name the refused leads of a bulk action and the reason for each', () => {
    expect(bulkRefusalMessage('move', 3, [{ leadName: 'B', reason: 'Lead is gone' }])).toBe(
      'The server refused 1 of the 3 moves: B (Lead is gone). That lead is back as the server has it; the other 2 leads kept the change.',
    );
    expect(
      bulkRefusalMessage('reassignment', 2, [
        { leadName: 'A', reason: 'x' },
        { leadName: 'B', reason: 'y' },
      ]),
    ).toBe(
      'The server refused 2 of the 2 reassignments: A (x); B (y). Those leads are back as the server has them.',
    );
  });
});
