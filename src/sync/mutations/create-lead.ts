import * as z from 'zod/mini';
import { assertStatusInPipeline } from './checks.ts';
import { id, leadFields, position } from './fields.ts';
import { lastPositionInColumn } from '../read-models/column-query.ts';
import { defineMutation } from './mutation-def.ts';
import { positionBetween } from '../ordering.ts';

/** A new lead (id made on the device), placed at the end of its column unless a position is given. */
export const createLead = defineMutation({
  name: 'create_lead',
  group: 'leads',
  args: z.strictObject({
    id,
    full_name: leadFields.full_name,
    email: z._default(leadFields.email, null),
    phone: z._default(leadFields.phone, null),
    product: z._default(leadFields.product, 'auto'),
    estimated_premium: z._default(leadFields.estimated_premium, null),
    source: z._default(leadFields.source, null),
    assigned_to: z._default(leadFields.assigned_to, null),
    notes: z._default(leadFields.notes, null),
    pipeline_id: id,
    status_id: id,
    position: z.optional(position),
  }),
  async prepare(w, args) {
    const position =
      args.position ??
      positionBetween(await lastPositionInColumn(w.db, args.pipeline_id, args.status_id), null);
    return { ...args, position };
  },
  async check(w, args) {
    if (await w.get('leads', args.id)) {
      throw new Error(`create_lead: a lead with id ${args.id} already exists`);
    }
    await assertStatusInPipeline(w, 'create_lead', args.pipeline_id, args.status_id);
  },
  async applyLocal(w, args) {
    await w.put('leads', {
      ...args,
      lost_reason: null,
      status_changed_at: w.now,
      created_at: w.now,
      updated_at: w.now,
    });
  },
});
