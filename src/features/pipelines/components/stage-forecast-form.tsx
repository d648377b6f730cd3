import { useId } from 'react';
import type { PipelineStatus, StageOutcome } from '../../../sync/types.ts';
import { useFormState } from '../hooks/use-form-state.ts';
import {
  forecastFields,
  forecastFormValues,
  validateForecast,
  type ForecastFormValues,
} from '../lib/forecast-form-values.ts';
import { errorProps, FieldError } from './field-error.tsx';

type StageForecastFormProps = {
  status: PipelineStatus;
  onSubmit: (fields: ReturnType<typeof forecastFields>) => Promise<void>;
  onCancel: () => void;
};

const OUTCOMES: { value: StageOutcome; label: string }[] = [
  { value: 'open', label: 'Open (still in play)' },
  { value: 'won', label: 'Won' },
  { value: 'lost', label: 'Lost' },
];

/** Outcome, win probability and WIP limit of one stage (managers). */
export function StageForecastForm({ status, onSubmit, onCancel }: StageForecastFormProps) {
  const id = useId();
  const { values, errors, submitting, set, submit } = useFormState<ForecastFormValues>(
    () => forecastFormValues(status),
    validateForecast,
    (current) => onSubmit(forecastFields(current)),
  );
  const fixed = values.outcome !== 'open';
  return (
    <form aria-label={`Forecast of ${status.name}`} noValidate onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${id}-outcome`}>Outcome</label>
      <select
        id={`${id}-outcome`}
        value={values.outcome}
        onChange={(e) => set('outcome', e.target.value as StageOutcome)}
      >
        {OUTCOMES.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>

      <label htmlFor={`${id}-probability`}>Win probability (%)</label>
      <input
        id={`${id}-probability`}
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        step={1}
        value={fixed ? (values.outcome === 'won' ? '100' : '0') : values.win_probability}
        disabled={fixed}
        aria-describedby={fixed ? `${id}-probability-note` : undefined}
        {...(errors.win_probability ? errorProps(`${id}-probability`, errors.win_probability) : {})}
        onChange={(e) => set('win_probability', e.target.value)}
      />
      {fixed ? (
        <p id={`${id}-probability-note`} className="pl-hint">
          A {values.outcome} stage counts {values.outcome === 'won' ? '100' : '0'}% in the forecast.
        </p>
      ) : null}
      <FieldError id={`${id}-probability`} message={errors.win_probability} />

      <label htmlFor={`${id}-wip`}>WIP limit (leave empty for none)</label>
      <input
        id={`${id}-wip`}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        value={values.wip_limit}
        {...errorProps(`${id}-wip`, errors.wip_limit)}
        onChange={(e) => set('wip_limit', e.target.value)}
      />
      <FieldError id={`${id}-wip`} message={errors.wip_limit} />

      <FieldError id={`${id}-form`} message={errors.form ?? errors.outcome} />
      <div className="pl-form-actions">
        <button type="submit" disabled={submitting}>
          Save forecast
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
