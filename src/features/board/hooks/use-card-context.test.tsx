import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ANA, lead, pipeline, status } from '../testing/board-fixtures.tsx';
import { useCardContext } from './use-card-context.ts';

const sales = pipeline({ name: 'Sales' });
const fresh = status({ name: 'New', pipeline_id: sales.id, display_order: 0 });
const won = status({ name: 'Won', pipeline_id: sales.id, display_order: 1, is_final: true });
const omar = lead({ full_name: 'Omar Li', pipeline_id: sales.id, status_id: fresh.id });
const jane = lead({ full_name: 'Jane Doe', pipeline_id: sales.id, status_id: fresh.id });
const kim = lead({ full_name: 'Kim Park', pipeline_id: sales.id, status_id: won.id });

// What the board hands over between renders when no data changed: the same objects.
const data = {
  statuses: [won, fresh],
  profiles: new Map([[ANA.id, ANA]]),
  rejectedByLead: new Map(),
};

function input(onOpen: (id: string) => void = () => undefined) {
  return {
    ...data,
    onOpen,
    onMoveTo: () => undefined,
    onSelect: () => undefined,
  };
}

// The memoised card parts (lead-card-parts.tsx) skip a re-render only when these props keep
// their identity, so a drop that re-renders every shifted card redraws none of their contents.
describe('useCardContext', () => {
  it('gives every card of a status the same move targets and the same handlers', () => {
    const { result } = renderHook(() => useCardContext(input()));
    const a = result.current.cardProps(omar);
    const b = result.current.cardProps(jane);
    const c = result.current.cardProps(kim);
    expect(a.moveTargets).toBe(b.moveTargets);
    expect(a.moveTargets.map((t) => [t.label, t.disabled])).toEqual([
      ['New (current)', true],
      ['Won', false],
    ]);
    expect(c.moveTargets).not.toBe(a.moveTargets);
    expect(c.moveTargets.find((t) => t.disabled)?.id).toBe(won.id);
    expect(a.onMoveTo).toBe(b.onMoveTo);
    expect(a.onSelect).toBe(c.onSelect);
  });

  it('keeps them across renders with new handlers, calling the latest handler', () => {
    const opened: string[] = [];
    const { result, rerender } = renderHook(
      ({ tag }) => useCardContext(input((id) => opened.push(`${tag}:${id}`))),
      { initialProps: { tag: 'first' } },
    );
    const before = result.current.cardProps(omar);
    rerender({ tag: 'second' });
    const after = result.current.cardProps(omar);
    expect(after.moveTargets).toBe(before.moveTargets);
    expect(after.onOpen).toBe(before.onOpen);
    after.onOpen(omar.id);
    expect(opened).toEqual([`second:${omar.id}`]);
  });
});
