import { z } from 'zod';
import { id } from './fields.ts';
import { defineMutation } from './mutation-def.ts';

/** The columns of one pipeline in their new order: display_order becomes 1..n. */
export const reorderPipelineStatuses = defineMutation({
  name: 'reorder_pipeline_statuses',
  group: 'pipelines',
  args: z
    .object({
      pipeline_id: id,
      ids: z
        .array(id)
        .min(1)
        .max(200)
        .refine((ids) => new Set(ids).size === ids.length, 'An id appears twice'),
    })
    .strict(),
  async applyLocal(w, args) {
    for (const [i, statusId] of args.ids.entries()) {
      const s = await w.get('pipeline_statuses', statusId);
      if (s && s.pipeline_id === args.pipeline_id && s.display_order !== i + 1) {
        await w.patch('pipeline_statuses', statusId, { display_order: i + 1, updated_at: w.now });
      }
    }
  },
});
