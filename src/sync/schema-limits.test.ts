import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createPipeline } from './mutations/create-pipeline.ts';
import { leadFields, statusFields } from './mutations/fields.ts';
import { maxLengthOf } from './schema-limits.ts';

describe('maxLengthOf', () => {
  it('reads the limit through nullable, default and the blank → null transform', () => {
    expect(maxLengthOf(createPipeline.args.shape.name)).toBe(120);
    expect(maxLengthOf(createPipeline.args.shape.description)).toBe(2000);
    expect(maxLengthOf(statusFields.name)).toBe(80);
    expect(maxLengthOf(leadFields.notes)).toBe(10_000);
    expect(maxLengthOf(z._default(leadFields.email, null))).toBe(320);
  });

  it('has no limit for what is not bounded text', () => {
    expect(maxLengthOf(leadFields.estimated_premium)).toBeUndefined();
    expect(maxLengthOf(z.string())).toBeUndefined();
  });
});
