import * as z from 'zod/mini';
import { assertExists, assertStatusInPipeline } from './checks.ts';
import { id } from './fields.ts';
import { defineMutation } from './mutation-def.ts';
import { columnQuery } from '../read-models/column-query.ts';
import { MutationValidationError } from '../validation-error.ts';

/** Deletes a column; its leads first move to `move_leads_to_status_id` (same pipeline). */
export const deletePipelineStatus = defineMutation({
  name: 'delete_pipeline_status',
  group: 'pipelines',
  args: z.strictObject({ id, move_leads_to_status_id: z.optional(id) }),
  async check(w, args) {
    const m = 'delete_pipeline_status';
    await assertExists(w, m, 'pipeline_statuses', args.id);
    const status = await w.get('pipeline_statuses', args.id);
    if (!status) return;
    const count = await columnQuery(w.db, status.pipeline_id, args.id).count();
    const target = args.move_leads_to_status_id;
    if (target === undefined) {
      if (count > 0) {
        throw MutationValidationError.single(
          m,
          'move_leads_to_status_id',
          `The status still has ${count} lead(s); choose where to move them`,
        );
      }
      return;
    }
    if (target === args.id) {
      throw MutationValidationError.single(m, 'move_leads_to_status_id', 'Choose another status');
    }
    await assertStatusInPipeline(w, m, status.pipeline_id, target, 'move_leads_to_status_id');
  },
  async applyLocal(w, args) {
    const target = args.move_leads_to_status_id;
    const status = await w.get('pipeline_statuses', args.id);
    if (target !== undefined && status) {
      // A lead's status is always one of its pipeline's (the server's composite foreign key).
      const leads = await columnQuery(w.db, status.pipeline_id, args.id).toArray();
      for (const lead of leads) {
        await w.patch('leads', lead.id, {
          status_id: target,
          status_changed_at: w.now,
          updated_at: w.now,
        });
      }
    }
    await w.delete('pipeline_statuses', args.id);
  },
});
