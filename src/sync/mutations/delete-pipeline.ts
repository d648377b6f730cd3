import * as z from 'zod/mini';
import { assertExists } from './checks.ts';
import { id } from './fields.ts';
import { defineMutation } from './mutation-def.ts';
import { MutationValidationError } from '../validation-error.ts';

/**
 * Deletes a pipeline and its statuses. A pipeline that still has leads needs `move_to`: the
 * target pipeline and, for every status, the target status. The server moves the leads and
 * deletes in one operation, so no lead is ever left without a column.
 */
export const deletePipeline = defineMutation({
  name: 'delete_pipeline',
  group: 'pipelines',
  args: z.strictObject({
    id,
    move_to: z.optional(z.strictObject({ pipeline_id: id, status_map: z.record(id, id) })),
  }),
  async check(w, args) {
    const m = 'delete_pipeline';
    await assertExists(w, m, 'pipelines', args.id);
    const pipeline = await w.get('pipelines', args.id);
    if (pipeline?.is_default) {
      throw MutationValidationError.single(m, 'id', 'Make another pipeline the default first');
    }
    const leads = await w.db.leads.where('pipeline_id').equals(args.id).toArray();
    if (leads.length === 0) return;
    if (!args.move_to) {
      throw MutationValidationError.single(
        m,
        'move_to',
        `The pipeline still has ${leads.length} lead(s); choose where to move them`,
      );
    }
    const { pipeline_id: target, status_map: map } = args.move_to;
    if (target === args.id) {
      throw MutationValidationError.single(m, 'move_to.pipeline_id', 'Choose another pipeline');
    }
    await assertExists(w, m, 'pipelines', target, 'move_to.pipeline_id');
    for (const statusId of new Set(leads.map((l) => l.status_id))) {
      const to = map[statusId];
      const status = to === undefined ? undefined : await w.get('pipeline_statuses', to);
      if (!status || status.pipeline_id !== target) {
        throw MutationValidationError.single(
          m,
          `move_to.status_map.${statusId}`,
          'Choose a status of the target pipeline for these leads',
        );
      }
    }
  },
  async applyLocal(w, args) {
    const leads = await w.db.leads.where('pipeline_id').equals(args.id).toArray();
    const move = args.move_to;
    if (move) {
      for (const lead of leads) {
        const to = move.status_map[lead.status_id];
        if (to === undefined) continue;
        await w.patch('leads', lead.id, {
          pipeline_id: move.pipeline_id,
          status_id: to,
          updated_at: w.now,
          ...(to !== lead.status_id ? { status_changed_at: w.now } : {}),
        });
      }
    }
    const statuses = await w.db.pipeline_statuses
      .where('pipeline_id')
      .equals(args.id)
      .primaryKeys();
    for (const statusId of statuses) await w.delete('pipeline_statuses', statusId);
    await w.delete('pipelines', args.id);
  },
});
