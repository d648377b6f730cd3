import { describe, expect, it } from 'vitest';
import { leadFields, pipelineName } from './fields.ts';
import { hasBidiControl, isBlankText, isStorableText, nameKey } from './text-rules.ts';

describe('text rules', () => {
  it('sees through invisible and Unicode blank text', () => {
    for (const blank of ['', ' ', '\u200b', '\u00a0\u3000', '\ufeff\u2060', '\u0007\t']) {
      expect(isBlankText(blank), JSON.stringify(blank)).toBe(true);
    }
    expect(isBlankText('\u200bA')).toBe(false);
  });

  it('finds bidirectional controls and unstorable characters', () => {
    expect(hasBidiControl('Invoice\u202egnp.exe')).toBe(true);
    expect(hasBidiControl('שלום')).toBe(false);
    expect(isStorableText('line one\nline two\ttab')).toBe(true);
    expect(isStorableText('nul\u0000')).toBe(false);
    expect(isStorableText('lone \ud800 surrogate')).toBe(false);
    expect(isStorableText('emoji 😀')).toBe(true);
  });

  it('gives two names that look the same one key', () => {
    expect(new Set(['Won', 'won', 'Won\u200b', 'ＷＯＮ', ' won ']).size).toBe(5);
    expect(new Set(['Won', 'won', 'Won\u200b', 'ＷＯＮ', ' won '].map(nameKey))).toEqual(
      new Set(['won']),
    );
  });

  it('makes the field schemas refuse what the server refuses, with a readable message', () => {
    expect(pipelineName.safeParse('\u200b').error?.issues[0]?.message).toBe(
      'Pipeline name is required',
    );
    expect(pipelineName.safeParse('A\u202eB').error?.issues[0]?.message).toBe(
      'Pipeline name contains text-direction control characters',
    );
    expect(leadFields.notes.safeParse('call back\u0000').error?.issues[0]?.message).toBe(
      'Notes contains a character that cannot be saved',
    );
    expect(leadFields.notes.safeParse('\u200b ').data).toBeNull();
  });
});
