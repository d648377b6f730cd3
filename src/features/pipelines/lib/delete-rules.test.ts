import { describe, expect, it } from 'vitest';
import { pipeline } from '../testing/seed.ts';
import { pipelineDeleteBlocker } from './delete-rules.ts';

describe('pipelineDeleteBlocker', () => {
  it('refuses the last remaining pipeline, saying why', () => {
    expect(pipelineDeleteBlocker(pipeline('Only', 1), 1)).toMatch(/only pipeline/);
  });
  it('refuses the default pipeline and says how to change the default', () => {
    expect(pipelineDeleteBlocker(pipeline('Main', 1, { is_default: true }), 3)).toMatch(
      /default pipeline.*“Make default”/,
    );
  });
  it('allows any other pipeline', () => {
    expect(pipelineDeleteBlocker(pipeline('Spare', 2), 3)).toBeUndefined();
  });
});
