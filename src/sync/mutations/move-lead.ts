import { z } from 'zod';
import { assertExists, assertStatusInPipeline } from './checks.ts';
import { id, position } from './fields.ts';
import { defineMutation } from './mutation-def.ts';

/** A move is one unit: pipeline, status and position change together or not at all. */
export const moveLead = defineMutation({
  name: 'move_lead',
  group: 'leads',
  args: z.object({ id, pipeline_id: id, status_id: id, position }).strict(),
  async check(w, args) {
    await assertExists(w, 'move_lead', 'leads', args.id);
    await assertStatusInPipeline(w, 'move_lead', args.pipeline_id, args.status_id);
  },
  async applyLocal(w, args) {
    const lead = await w.get('leads', args.id);
    if (!lead) return;
    await w.patch('leads', args.id, {
      pipeline_id: args.pipeline_id,
      status_id: args.status_id,
      position: args.position,
      updated_at: w.now,
      ...(lead.status_id !== args.status_id ? { status_changed_at: w.now } : {}),
    });
  },
});
