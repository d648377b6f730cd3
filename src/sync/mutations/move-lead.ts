import { z } from 'zod';
import { assertExists, assertStatusInPipeline } from './checks.ts';
import { id, position } from './fields.ts';
import { defineMutation } from './mutation-def.ts';

/**
 * A move is one unit: pipeline, status and position change together or not at all.
 *
 * `restore_status_changed_at`: this move undoes the previous one and says since when the lead
 * had been in the status it returns to. The device shows that time at once; the server puts it
 * back only when its own history agrees, else the move counts from now
 * (supabase/migrations/20250901000000_restore_status_time_on_undo.sql).
 */
export const moveLead = defineMutation({
  name: 'move_lead',
  group: 'leads',
  args: z
    .object({
      id,
      pipeline_id: id,
      status_id: id,
      position,
      restore_status_changed_at: z.iso
        .datetime({ offset: true, message: 'Must be a date and time with a time zone' })
        .optional(),
    })
    .strict(),
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
      ...(lead.status_id !== args.status_id
        ? { status_changed_at: args.restore_status_changed_at ?? w.now }
        : {}),
    });
  },
});
