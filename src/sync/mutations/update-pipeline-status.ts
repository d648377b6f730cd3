import * as z from 'zod/mini';
import { assertExists, assertUniqueStatusName } from './checks.ts';
import { id, nonEmptyPatch, statusFields } from './fields.ts';
import { applyPatch } from './apply-patch.ts';
import { defineMutation } from './mutation-def.ts';

/** Field-level edit of a column (name, colour, icon, final flag, AI template, description). */
export const updatePipelineStatus = defineMutation({
  name: 'update_pipeline_status',
  group: 'pipelines',
  args: z.strictObject({ id, patch: nonEmptyPatch(statusFields) }),
  async check(w, args) {
    await assertExists(w, 'update_pipeline_status', 'pipeline_statuses', args.id);
    const status = await w.get('pipeline_statuses', args.id);
    if (status && args.patch.name !== undefined) {
      await assertUniqueStatusName(
        w,
        'update_pipeline_status',
        status.pipeline_id,
        args.patch.name,
        args.id,
      );
    }
  },
  async applyLocal(w, args) {
    await applyPatch(w, 'pipeline_statuses', args.id, args.patch);
  },
});
