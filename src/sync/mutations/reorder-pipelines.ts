import { z } from 'zod';
import { id } from './fields.ts';
import { defineMutation } from './mutation-def.ts';

/** The pipelines in their new order: display_order becomes 1..n. Unknown ids are ignored. */
export const reorderPipelines = defineMutation({
  name: 'reorder_pipelines',
  group: 'pipelines',
  args: z
    .object({
      ids: z
        .array(id)
        .min(1)
        .max(500)
        .refine((ids) => new Set(ids).size === ids.length, 'An id appears twice'),
    })
    .strict(),
  async applyLocal(w, args) {
    for (const [i, pipelineId] of args.ids.entries()) {
      const p = await w.get('pipelines', pipelineId);
      if (p && p.display_order !== i + 1) {
        await w.patch('pipelines', pipelineId, { display_order: i + 1, updated_at: w.now });
      }
    }
  },
});
