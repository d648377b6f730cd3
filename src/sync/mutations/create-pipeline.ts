import * as z from 'zod/mini';
import { NEW_STATUS_FORECAST, description, id, newStatusFields, pipelineName } from './fields.ts';
import { defineMutation } from './mutation-def.ts';
import { MutationValidationError } from '../validation-error.ts';
import { nameKey } from './text-rules.ts';

const newStatus = z.strictObject({ id, ...newStatusFields });

/**
 * A pipeline, optionally with its statuses (ids made on the device: "start from a template").
 * Statuses get display_order 1..n in the given order. The first pipeline ever becomes the default.
 */
export const createPipeline = defineMutation({
  name: 'create_pipeline',
  group: 'pipelines',
  args: z.strictObject({
    id,
    name: pipelineName,
    description: z._default(description, null),
    display_order: z.optional(z.number().check(z.int(), z.gte(0), z.lte(1_000_000))),
    statuses: z._default(z.array(newStatus).check(z.maxLength(50, 'At most 50 statuses')), []),
  }),
  async prepare(w, args) {
    if (args.display_order !== undefined) return args;
    const last = await w.db.pipelines.orderBy('display_order').last();
    return { ...args, display_order: (last?.display_order ?? 0) + 1 };
  },
  check(_w, args) {
    const seen = new Set<string>();
    args.statuses.forEach((s, i) => {
      const key = nameKey(s.name);
      if (seen.has(key)) {
        throw MutationValidationError.single(
          'create_pipeline',
          `statuses.${i}.name`,
          `Two statuses are named "${s.name}"`,
        );
      }
      seen.add(key);
    });
    return Promise.resolve();
  },
  async applyLocal(w, args) {
    const others = await w.db.pipelines.filter((p) => p.id !== args.id).count();
    await w.put('pipelines', {
      id: args.id,
      name: args.name,
      description: args.description,
      is_default: others === 0,
      display_order: args.display_order ?? 0,
      created_at: w.now,
      updated_at: w.now,
    });
    for (const [i, s] of args.statuses.entries()) {
      await w.put('pipeline_statuses', {
        ...s,
        pipeline_id: args.id,
        display_order: i + 1,
        ...NEW_STATUS_FORECAST,
        created_at: w.now,
        updated_at: w.now,
      });
    }
  },
});
