import * as z from 'zod/mini';
import { MutationValidationError } from '../validation-error.ts';
import { assertExists, assertStatusInPipeline } from './checks.ts';
import { id, lostReason, position } from './fields.ts';
import { defineMutation } from './mutation-def.ts';

/**
 * A move is one unit: pipeline, status and position change together or not at all. A move into a
 * lost status may carry the lost reason; a move to another status sets the reason it carries
 * (none: cleared), a reorder within the column keeps it unless it names one (as the server does).
 *
 * `restore_status_changed_at`: this move undoes the previous one and says since when the lead
 * had been in the status it returns to. The device shows that time at once; the server puts it
 * back only when its own history agrees, else the move counts from now
 * (supabase/migrations/20250901000000_restore_status_time_on_undo.sql).
 */
export const moveLead = defineMutation({
  name: 'move_lead',
  group: 'leads',
  args: z.strictObject({
    id,
    pipeline_id: id,
    status_id: id,
    position,
    lost_reason: z.optional(lostReason),
    restore_status_changed_at: z.optional(
      z.iso.datetime({ offset: true, message: 'Must be a date and time with a time zone' }),
    ),
  }),
  async check(w, args) {
    await assertExists(w, 'move_lead', 'leads', args.id);
    await assertStatusInPipeline(w, 'move_lead', args.pipeline_id, args.status_id);
    const status = await w.get('pipeline_statuses', args.status_id);
    if (args.lost_reason != null && status?.outcome !== 'lost') {
      throw MutationValidationError.single(
        'move_lead',
        'lost_reason',
        'A lost reason is only kept for a lead moved to a lost status',
      );
    }
  },
  async applyLocal(w, args) {
    const lead = await w.get('leads', args.id);
    if (!lead) return;
    const statusChanged = lead.status_id !== args.status_id;
    await w.patch('leads', args.id, {
      pipeline_id: args.pipeline_id,
      status_id: args.status_id,
      position: args.position,
      updated_at: w.now,
      ...(statusChanged ? { status_changed_at: args.restore_status_changed_at ?? w.now } : {}),
      ...(statusChanged || args.lost_reason !== undefined
        ? { lost_reason: args.lost_reason ?? null }
        : {}),
    });
  },
});
