import { describe, expect, it } from 'vitest';
import { contrastRatio, isHexColor, readableTextColor } from './color-contrast.ts';

describe('color contrast', () => {
  it('accepts only #RRGGBB', () => {
    expect(isHexColor('#1D4ED8')).toBe(true);
    expect(isHexColor('#1d4ed8')).toBe(true);
    expect(isHexColor('#FFF')).toBe(false);
    expect(isHexColor('red')).toBe(false);
    expect(isHexColor('#12345G')).toBe(false);
  });

  it('computes the WCAG ratio of black on white as 21', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 5);
  });

  it('picks white on dark colors and black on light ones', () => {
    expect(readableTextColor('#1D4ED8')).toBe('#FFFFFF');
    expect(readableTextColor('#FDE68A')).toBe('#000000');
    expect(readableTextColor('not a color')).toBe(readableTextColor('#64748B'));
    expect(readableTextColor(null)).toBe(readableTextColor('#64748B'));
  });
});
