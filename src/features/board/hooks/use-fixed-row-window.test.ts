import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useFixedRowWindow } from './use-fixed-row-window.ts';

/** A scroll area of `height` px (jsdom does no layout, so its size is set by hand). */
function scrollArea(height: number): HTMLElement {
  const element = document.createElement('div');
  Object.defineProperty(element, 'clientHeight', { configurable: true, value: height });
  return element;
}

function scrollTo(element: HTMLElement, top: number) {
  act(() => {
    element.scrollTop = top;
    element.dispatchEvent(new Event('scroll'));
  });
}

describe('useFixedRowWindow', () => {
  it('windows the rows in sight plus the overscan, below the list offset', () => {
    const scroller = scrollArea(500);
    const { result } = renderHook(() =>
      useFixedRowWindow({
        scroller,
        count: 33_000,
        rowSize: 100,
        offset: 150,
        overscan: 4,
        fallbackHeight: 800,
      }),
    );
    // Rows 0–4 are in sight (the list starts 150 px down a 500 px view), none above row 0.
    expect(result.current).toEqual({ start: 0, end: 8 });
    scrollTo(scroller, 10_150);
    // Rows 100–104 in sight, four more each side.
    expect(result.current).toEqual({ start: 96, end: 109 });
    scrollTo(scroller, 3_300_150);
    // The end of the list: nothing past the last row.
    expect(result.current).toEqual({ start: 32_996, end: 33_000 });
  });

  it('renders again only when another row comes into sight', () => {
    const scroller = scrollArea(500);
    let renders = 0;
    const { result } = renderHook(() => {
      renders++;
      return useFixedRowWindow({
        scroller,
        count: 1_000,
        rowSize: 100,
        offset: 0,
        overscan: 2,
        fallbackHeight: 800,
      });
    });
    // Row 5 comes into sight at the first pixel down; then nothing new until row 0 leaves.
    scrollTo(scroller, 10);
    const before = renders;
    for (const top of [40, 70, 99]) scrollTo(scroller, top);
    expect(renders).toBe(before);
    expect(result.current).toEqual({ start: 0, end: 8 });
    scrollTo(scroller, 100);
    expect(renders).toBe(before + 1);
    expect(result.current).toEqual({ start: 0, end: 8 });
  });

  it('follows the count, and assumes a screenful while the scroller has no height', () => {
    const { result, rerender } = renderHook(
      ({ count }) =>
        useFixedRowWindow({
          scroller: scrollArea(0),
          count,
          rowSize: 100,
          offset: 0,
          overscan: 4,
          fallbackHeight: 800,
        }),
      { initialProps: { count: 3 } },
    );
    expect(result.current).toEqual({ start: 0, end: 3 });
    rerender({ count: 40 });
    expect(result.current).toEqual({ start: 0, end: 12 });
    rerender({ count: 0 });
    expect(result.current).toEqual({ start: 0, end: 0 });
  });
});
