import { describe, expect, it } from 'vitest';
import {
  dragEndMessage,
  dragStartMessage,
  dragUpdateMessage,
  type AnnouncementContext,
} from './announcements.ts';

const ctx: AnnouncementContext = {
  leadName: (id) => ({ l1: 'Jane Doe' })[id] ?? 'The lead',
  statusName: (id) => ({ s1: 'New', s2: 'Won' })[id] ?? 'an unknown status',
  columnSize: () => 4,
};
const base = {
  draggableId: 'l1',
  type: 'DEFAULT',
  mode: 'SNAP' as const,
  source: { droppableId: 's1', index: 1 },
};

describe('drag announcements', () => {
  it('name the lead and the statuses instead of list positions', () => {
    expect(dragStartMessage(base, ctx)).toMatch(/^Picked up Jane Doe in New, position 2 of 4\./);
    expect(
      dragUpdateMessage(
        { ...base, destination: { droppableId: 's2', index: 0 }, combine: null },
        ctx,
      ),
    ).toBe('Jane Doe moved from New to Won, position 1.');
    expect(
      dragUpdateMessage(
        { ...base, destination: { droppableId: 's1', index: 3 }, combine: null },
        ctx,
      ),
    ).toBe('Jane Doe moved to position 4 in New.');
    expect(dragUpdateMessage({ ...base, destination: null, combine: null }, ctx)).toMatch(
      /not over a status/,
    );
  });

  it('confirm a drop or a cancel', () => {
    const drop = { ...base, combine: null, reason: 'DROP' as const };
    expect(dragEndMessage({ ...drop, destination: { droppableId: 's2', index: 0 } }, ctx)).toBe(
      'Jane Doe moved from New to Won, position 1. Press Control+Z to undo.',
    );
    expect(dragEndMessage({ ...drop, reason: 'CANCEL', destination: null }, ctx)).toBe(
      'Move cancelled. Jane Doe stays in New, position 2.',
    );
  });
});
