import * as z from 'zod/mini';
import { MutationValidationError } from '../validation-error.ts';
import { assertExists } from './checks.ts';
import { id, nonEmptyPatch, stageForecastFields } from './fields.ts';
import { applyPatch } from './apply-patch.ts';
import { defineMutation } from './mutation-def.ts';

/**
 * Field-level edit of a stage's outcome, win probability and WIP limit (managers). As on the
 * server (20251001000000_add_stage_forecast.sql): making a stage won or lost sets its probability
 * to 100 or 0 unless the patch names one, and a patch that contradicts itself is refused.
 */
export const updatePipelineStatusForecast = defineMutation({
  name: 'update_pipeline_status_forecast',
  group: 'pipelines',
  args: z.strictObject({
    id,
    patch: nonEmptyPatch(stageForecastFields).check(
      z.refine(
        (p) =>
          p.win_probability === undefined ||
          ((p.outcome !== 'won' || p.win_probability === 100) &&
            (p.outcome !== 'lost' || p.win_probability === 0)),
        'A won stage has a win probability of 100, a lost one of 0',
      ),
    ),
  }),
  async check(w, args) {
    await assertExists(w, 'update_pipeline_status_forecast', 'pipeline_statuses', args.id);
    const status = await w.get('pipeline_statuses', args.id);
    if (!status || args.patch.win_probability === undefined) return;
    // The stage's outcome stays what it is: the probability must fit it.
    const outcome = args.patch.outcome ?? status.outcome;
    if (
      (outcome === 'won' && args.patch.win_probability !== 100) ||
      (outcome === 'lost' && args.patch.win_probability !== 0)
    ) {
      throw MutationValidationError.single(
        'update_pipeline_status_forecast',
        'win_probability',
        outcome === 'won'
          ? 'A won stage has a win probability of 100'
          : 'A lost stage has a win probability of 0',
      );
    }
  },
  async applyLocal(w, args) {
    const { outcome, win_probability } = args.patch;
    const implied =
      win_probability === undefined && outcome !== undefined && outcome !== 'open'
        ? { win_probability: outcome === 'won' ? 100 : 0 }
        : {};
    await applyPatch(w, 'pipeline_statuses', args.id, { ...args.patch, ...implied });
  },
});
