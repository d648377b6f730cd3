import * as z from 'zod/mini';
import { id } from './fields.ts';
import { defineMutation } from './mutation-def.ts';

/** Managers only (the server refuses agents). The lead's history goes with it, as on the server. */
export const deleteLead = defineMutation({
  name: 'delete_lead',
  group: 'leads',
  args: z.strictObject({ id }),
  async applyLocal(w, args) {
    const history = await w.db.lead_status_history.where('lead_id').equals(args.id).primaryKeys();
    for (const historyId of history) await w.delete('lead_status_history', historyId);
    await w.delete('leads', args.id);
  },
});
