import { describe, expect, it } from 'vitest';
import { formatCount, formatPremium } from './format.ts';

describe('format', () => {
  it('writes counts and premiums the way the headers show them', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(10_000)).toBe('10,000');
    expect(formatPremium(1234.4)).toBe('$1,234');
    expect(formatPremium(null)).toBe('No premium');
  });
});
