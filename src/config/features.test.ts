import { describe, expect, it } from 'vitest';
import { FEATURES, parseFeatureFlag } from './features.ts';

describe('parseFeatureFlag', () => {
  it('keeps the default when the variable is unset or blank', () => {
    expect(parseFeatureFlag(undefined, true)).toBe(true);
    expect(parseFeatureFlag('', true)).toBe(true);
    expect(parseFeatureFlag('  ', false)).toBe(false);
  });

  it.each(['false', 'FALSE', ' 0 ', 'off', 'No'])('turns the flag off for %j', (raw) => {
    expect(parseFeatureFlag(raw, true)).toBe(false);
  });

  it.each(['true', '1', 'ON', 'yes'])('turns the flag on for %j', (raw) => {
    expect(parseFeatureFlag(raw, false)).toBe(true);
  });

  it('ignores unrecognised values instead of guessing', () => {
    expect(parseFeatureFlag('maybe', true)).toBe(true);
    expect(parseFeatureFlag('maybe', false)).toBe(false);
  });

  it('accepts a boolean as is', () => {
    expect(parseFeatureFlag(false, true)).toBe(false);
  });
});

describe('FEATURES', () => {
  it('has pipeline management on unless the build turns it off', () => {
    const raw = import.meta.env.VITE_FEATURE_PIPELINE_MANAGEMENT as string | undefined;
    expect(FEATURES.PIPELINE_MANAGEMENT).toBe(parseFeatureFlag(raw, true));
  });
});
