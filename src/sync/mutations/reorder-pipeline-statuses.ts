import * as z from 'zod/mini';
import { id } from './fields.ts';
import { defineMutation } from './mutation-def.ts';

/** The columns of one pipeline in their new order: display_order becomes 1..n. */
export const reorderPipelineStatuses = defineMutation({
  name: 'reorder_pipeline_statuses',
  group: 'pipelines',
  args: z.strictObject({
    pipeline_id: id,
    ids: z.array(id).check(
      z.minLength(1),
      z.maxLength(200),
      z.refine((ids) => new Set(ids).size === ids.length, 'An id appears twice'),
    ),
  }),
  async applyLocal(w, args) {
    for (const [i, statusId] of args.ids.entries()) {
      const s = await w.get('pipeline_statuses', statusId);
      if (s && s.pipeline_id === args.pipeline_id && s.display_order !== i + 1) {
        await w.patch('pipeline_statuses', statusId, { display_order: i + 1, updated_at: w.now });
      }
    }
  },
});
