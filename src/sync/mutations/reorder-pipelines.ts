import * as z from 'zod/mini';
import { id } from './fields.ts';
import { defineMutation } from './mutation-def.ts';

/** The pipelines in their new order: display_order becomes 1..n. Unknown ids are ignored. */
export const reorderPipelines = defineMutation({
  name: 'reorder_pipelines',
  group: 'pipelines',
  args: z.strictObject({
    ids: z.array(id).check(
      z.minLength(1),
      z.maxLength(500),
      z.refine((ids) => new Set(ids).size === ids.length, 'An id appears twice'),
    ),
  }),
  async applyLocal(w, args) {
    for (const [i, pipelineId] of args.ids.entries()) {
      const p = await w.get('pipelines', pipelineId);
      if (p && p.display_order !== i + 1) {
        await w.patch('pipelines', pipelineId, { display_order: i + 1, updated_at: w.now });
      }
    }
  },
});
