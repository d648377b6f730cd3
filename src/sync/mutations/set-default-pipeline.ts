import * as z from 'zod/mini';
import { assertExists } from './checks.ts';
import { id } from './fields.ts';
import { defineMutation } from './mutation-def.ts';

/** Exactly one default: this one on, every other off. */
export const setDefaultPipeline = defineMutation({
  name: 'set_default_pipeline',
  group: 'pipelines',
  args: z.strictObject({ id }),
  async check(w, args) {
    await assertExists(w, 'set_default_pipeline', 'pipelines', args.id);
  },
  async applyLocal(w, args) {
    const target = await w.get('pipelines', args.id);
    if (!target) return;
    // Only rows that change, as on the server: an untouched row keeps its server version.
    const current = await w.db.pipelines.filter((p) => p.is_default && p.id !== args.id).toArray();
    for (const p of current)
      await w.patch('pipelines', p.id, { is_default: false, updated_at: w.now });
    if (!target.is_default) {
      await w.patch('pipelines', args.id, { is_default: true, updated_at: w.now });
    }
  },
});
