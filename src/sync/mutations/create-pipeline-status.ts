import * as z from 'zod/mini';
import { assertExists, assertUniqueStatusName } from './checks.ts';
import { NEW_STATUS_FORECAST, id, newStatusFields } from './fields.ts';
import { defineMutation } from './mutation-def.ts';

/** A new column, at the end unless display_order is given. */
export const createPipelineStatus = defineMutation({
  name: 'create_pipeline_status',
  group: 'pipelines',
  args: z.strictObject({
    id,
    pipeline_id: id,
    ...newStatusFields,
    display_order: z.optional(z.number().check(z.int(), z.gte(0), z.lte(1_000_000))),
  }),
  async prepare(w, args) {
    if (args.display_order !== undefined) return args;
    const siblings = await w.db.pipeline_statuses
      .where('pipeline_id')
      .equals(args.pipeline_id)
      .toArray();
    const max = Math.max(0, ...siblings.map((s) => s.display_order));
    return { ...args, display_order: max + 1 };
  },
  async check(w, args) {
    await assertExists(w, 'create_pipeline_status', 'pipelines', args.pipeline_id, 'pipeline_id');
    await assertUniqueStatusName(w, 'create_pipeline_status', args.pipeline_id, args.name);
  },
  async applyLocal(w, args) {
    await w.put('pipeline_statuses', {
      ...args,
      display_order: args.display_order ?? 0,
      ...NEW_STATUS_FORECAST,
      created_at: w.now,
      updated_at: w.now,
    });
  },
});
