import * as z from 'zod/mini';
import { assertExists } from './checks.ts';
import { description, id, nonEmptyPatch, pipelineName } from './fields.ts';
import { applyPatch } from './apply-patch.ts';
import { defineMutation } from './mutation-def.ts';

/** Rename / describe a pipeline (field-level). Order and default have their own mutations. */
export const updatePipeline = defineMutation({
  name: 'update_pipeline',
  group: 'pipelines',
  args: z.strictObject({ id, patch: nonEmptyPatch({ name: pipelineName, description }) }),
  async check(w, args) {
    await assertExists(w, 'update_pipeline', 'pipelines', args.id);
  },
  async applyLocal(w, args) {
    await applyPatch(w, 'pipelines', args.id, args.patch);
  },
});
