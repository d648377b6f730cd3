import * as z from 'zod/mini';
import { id, leadFields, nonEmptyPatch } from './fields.ts';
import { applyPatch } from './apply-patch.ts';
import { defineMutation } from './mutation-def.ts';
import { assertExists } from './checks.ts';

/**
 * Field-level patch: only the fields present are written, here and on the server, so two people
 * editing different fields of one lead both keep their change (last accepted write wins per field).
 * Moving between columns is move_lead (status and position travel together).
 */
export const updateLead = defineMutation({
  name: 'update_lead',
  group: 'leads',
  args: z.strictObject({ id, patch: nonEmptyPatch(leadFields) }),
  async check(w, args) {
    await assertExists(w, 'update_lead', 'leads', args.id);
  },
  async applyLocal(w, args) {
    await applyPatch(w, 'leads', args.id, args.patch);
  },
});
