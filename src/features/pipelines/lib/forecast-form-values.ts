import * as z from 'zod/mini';
import { schemaErrors, type FormErrors } from '../../../sync/form-errors.ts';
import { stageForecastFields } from '../../../sync/mutations/fields.ts';
import type { PipelineStatus, StageOutcome } from '../../../sync/types.ts';

// The forecast form of a stage (outcome, win probability, WIP limit): plain strings in the form,
// checked with update_pipeline_status_forecast's own field rules before anything is queued.

export type ForecastFormValues = {
  outcome: StageOutcome;
  win_probability: string;
  wip_limit: string;
};

export function forecastFormValues(status: PipelineStatus): ForecastFormValues {
  return {
    outcome: status.outcome ?? 'open',
    win_probability: String(status.win_probability ?? 0),
    wip_limit: status.wip_limit == null ? '' : String(status.wip_limit),
  };
}

/** A typed number, or NaN for text that is not one (the schema then says what is wrong). */
const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/** The fields the mutation takes: a won stage is 100 %, a lost one 0 %, whatever was typed. */
export function forecastFields(values: ForecastFormValues) {
  return {
    outcome: values.outcome,
    win_probability:
      values.outcome === 'won'
        ? 100
        : values.outcome === 'lost'
          ? 0
          : toNumber(values.win_probability),
    wip_limit: values.wip_limit.trim() === '' ? null : toNumber(values.wip_limit),
  };
}

const forecastSchema = z.object(stageForecastFields);

export function validateForecast(values: ForecastFormValues): FormErrors {
  return schemaErrors(forecastSchema, forecastFields(values));
}
